using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Marginalia.Contributions;
using Marginalia.Diagnostics;

namespace Marginalia.Tests.Properties;

/// <summary>
/// Whatever Markdown a body holds, rendering it ends in HTML or in errors at places inside the body, never in an
/// exception from Markdig or HtmlSanitizer: the pieces are the syntax that nests, decodes or tabulates.
/// </summary>
public class BodyProperties
{
    private static readonly string[] Pieces =
    [
        "a", " ", "\n", "\n\n", "\t", "    ", ">", "> ", "- ", "* ", "+ ", "1. ", "9) ", "[", "]", "![", "](", ")", "(", "https://x.test",
        "media/x.png", "xref:notes/a", "*", "**", "_", "__", "~", "~~", "`", "``", "```", "~~~", "\\", "&", "#", ";", "&#", "&#x",
        "&#x1;", "&#0;", "&#xD800;", "&#xFFFE;", "&#x202E;", "&nbsp;", "&amp;", "&ZeroWidthSpace;", "|", "|-|", ":-", "---", "===",
        "# ", "###### ", "<", "<!--", "-->", "<a>", "\"", "'", "[r]: https://x.test\n", "[r]", "[^1]", "\u00A0", "😀", "\uFFFE",
        "%E2%80%AE", "%00",
    ];

    private static Arbitrary<string> Bodies() =>
        Gen.Elements(Pieces).ListOf().Select(p => string.Concat(p)).ToArbitrary();

    private static Arbitrary<string> DeepBodies() =>
        (from piece in Gen.Elements(">", "> ", "- ", "1. ", "  ", "\t", "[", "![", "*", "_", "~", "*a ", "_a ", "[a", "](https://x.test)", "`", "\n", "a")
         from count in Gen.Choose(1, 400)
         from tail in Gen.Elements(Pieces).ListOf()
         select string.Concat(Enumerable.Repeat(piece, count)) + string.Concat(tail)).ToArbitrary();

    private static void RendersOrRefuses(string body, bool allowHeadings)
    {
        var diagnostics = new DiagnosticBag();
        var rendered = ContributedMarkdown.Render(body, "input/annotations/fuzzed.md", 6, Path.GetTempPath(), diagnostics, allowHeadings);
        var errors = diagnostics.Sorted().Where(d => d.IsError).ToList();
        Assert.True(rendered is not null || errors.Count > 0, "a body was refused without an error");
        var lines = body.Split('\n').Length;
        Assert.All(errors, e => Assert.True(e.Location.Line >= 6 && e.Location.Line < 6 + lines && e.Location.Column >= 1, $"{e} is outside the body"));
        Assert.DoesNotContain(errors, e => e.Code == DiagnosticCodes.ModuleFailed);

        // The nesting check, not Markdig's own limit, refuses deep bodies: the fallback never fires.
        Assert.DoesNotContain(errors, e => e.Message.Contains("for the Markdown parser", StringComparison.Ordinal));
    }

    [Property(MaxTest = 500)]
    public Property Any_body_renders_or_is_refused_with_errors_in_it_never_thrown() =>
        Prop.ForAll(Bodies(), body =>
        {
            RendersOrRefuses(body, allowHeadings: false);
            RendersOrRefuses(body, allowHeadings: true);
        });

    [Property(MaxTest = 300)]
    public Property Deeply_repeated_syntax_renders_or_is_refused_never_thrown() =>
        Prop.ForAll(DeepBodies(), body => RendersOrRefuses(body, allowHeadings: true));
}
