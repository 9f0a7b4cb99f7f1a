using Marginalia.Contributions;
using Marginalia.Diagnostics;

namespace Marginalia.Tests.Contributions;

/// <summary>Renders a body as if it started on line 10 of input/annotations/x.md, and lists its errors as "CODE line:column".</summary>
internal static class BodyRendering
{
    public const string Path = "input/annotations/x.md";

    public const int BodyLine = 10;

    public static (RenderedBody? Body, string[] Errors) Render(string markdown, bool allowHeadings = false, string? media = null)
    {
        var diagnostics = new DiagnosticBag();
        var body = ContributedMarkdown.Render(markdown, Path, BodyLine, media ?? System.IO.Path.GetTempPath(), diagnostics, allowHeadings);
        var errors = diagnostics.Sorted().Where(d => d.IsError).Select(d => $"{d.Code.Id} {d.Location.Line}:{d.Location.Column}").ToArray();
        Assert.True(body is not null || errors.Length > 0, "a body was refused without an error");
        return (body, errors);
    }
}
