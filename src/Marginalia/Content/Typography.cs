using Markdig;
using Markdig.Extensions.SmartyPants;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Marginalia.Content;

/// <summary>
/// The one typographic rule for Markdown the site renders, the essay's and every contributed body's: straight quotes
/// become curly ones, apostrophes included, <c>--</c> an en dash, <c>---</c> an em dash, <c>...</c> an ellipsis.
/// Code spans, code blocks, link addresses and titles keep what was typed.
/// </summary>
internal static class Typography
{
    /// <summary>
    /// Markdig's SmartyPants, writing characters rather than entities (the EPUB's XHTML knows no <c>&amp;ndash;</c>),
    /// leaving <c>&lt;&lt;</c> as typed (guillemets are a language's choice, not a typo), and then turning the
    /// single quotes it left straight, because they had no partner, into apostrophes: "the essay's", "the '90s".
    /// </summary>
    public static MarkdownPipelineBuilder UseTypography(this MarkdownPipelineBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSmartyPants(Options);
        builder.DocumentProcessed += Apostrophes;
        return builder;
    }

    private static SmartyPantOptions Options
    {
        get
        {
            var options = new SmartyPantOptions();
            options.Mapping[SmartyPantType.Quote] = "’";
            options.Mapping[SmartyPantType.LeftQuote] = "‘";
            options.Mapping[SmartyPantType.RightQuote] = "’";
            options.Mapping[SmartyPantType.DoubleQuote] = "”";
            options.Mapping[SmartyPantType.LeftDoubleQuote] = "“";
            options.Mapping[SmartyPantType.RightDoubleQuote] = "”";
            options.Mapping[SmartyPantType.Dash2] = "–";
            options.Mapping[SmartyPantType.Dash3] = "—";
            options.Mapping[SmartyPantType.Ellipsis] = "…";
            options.Mapping[SmartyPantType.LeftAngleQuote] = "&lt;&lt;";
            options.Mapping[SmartyPantType.RightAngleQuote] = "&gt;&gt;";
            return options;
        }
    }

    // Literal inlines are running text only: code, addresses and titles are held elsewhere and stay as typed.
    private static void Apostrophes(MarkdownDocument document)
    {
        foreach (var literal in document.Descendants<LiteralInline>())
        {
            if (literal.Content.IndexOf('\'') >= 0)
            {
                literal.Content = new StringSlice(literal.Content.ToString().Replace('\'', '’'));
            }
        }
    }
}
