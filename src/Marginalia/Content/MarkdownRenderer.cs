using Markdig;
using Markdig.Syntax;

namespace Marginalia.Content;

/// <summary>
/// The Markdig configuration of the essay: CommonMark with raw HTML off (the essay is text as published), the
/// author's own footnotes (<c>[^1]</c>), pipe tables
/// (aligned by class, see <see cref="TableAlignment"/>), the <see cref="Typography"/> every body shares, and precise source positions for diagnostics.
/// </summary>
internal static class MarkdownRenderer
{
    // Built once: a MarkdownPipeline is immutable and safe to share across threads.
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseFootnotes()
        .UsePipeTables()
        .UseTypography()
        .DisableHtml()
        .Build();

    public static MarkdownDocument Parse(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        TableAlignment.ToClasses(document);
        return document;
    }

    public static string ToHtml(MarkdownDocument document) => document.ToHtml(Pipeline);

    public static string ToHtml(string markdown) => ToHtml(Parse(markdown));
}
