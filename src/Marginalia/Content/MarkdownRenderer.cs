using Markdig;
using Markdig.Syntax;

namespace Marginalia.Content;

/// <summary>
/// The one Markdig configuration for text Marginalia publishes: CommonMark with raw HTML off (the essay is text as
/// published and contributions are untrusted) and precise source positions for diagnostics.
/// </summary>
public static class MarkdownRenderer
{
    // Built once: a MarkdownPipeline is immutable and safe to share across threads.
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .DisableHtml()
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    public static string ToHtml(MarkdownDocument document) => document.ToHtml(Pipeline);

    public static string ToHtml(string markdown) => Markdown.ToHtml(markdown, Pipeline);
}
