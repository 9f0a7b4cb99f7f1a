using Markdig;
using Markdig.Syntax;

namespace Marginalia.Content;

/// <summary>
/// The Markdig configuration of the essay: CommonMark with raw HTML off (the essay is text as published), the
/// author's own footnotes (<c>[^1]</c>), and precise source positions for diagnostics.
/// </summary>
public static class MarkdownRenderer
{
    // Built once: a MarkdownPipeline is immutable and safe to share across threads.
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseFootnotes()
        .DisableHtml()
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    public static string ToHtml(MarkdownDocument document) => document.ToHtml(Pipeline);

    public static string ToHtml(string markdown) => Markdown.ToHtml(markdown, Pipeline);
}
