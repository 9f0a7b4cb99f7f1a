using Fluid;
using Marginalia.Diagnostics;

namespace Marginalia.Theme;

/// <summary>Renders a page through its layout, then through <c>base.liquid</c>, the way Jekyll applies layouts.</summary>
public sealed class PageRenderer
{
    private static readonly TemplateOptions Options = CreateOptions();

    private readonly IReadOnlyDictionary<string, (IFluidTemplate Template, string Path)> _layouts;

    public PageRenderer(IReadOnlyDictionary<string, (IFluidTemplate Template, string Path)> layouts) => _layouts = layouts;

    /// <returns>The page's HTML, or null after reporting why it could not be rendered.</returns>
    public string? Render(string layout, IReadOnlyDictionary<string, object> model, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var content = RenderOne(layout, model, null, diagnostics);
        return content is null ? null : RenderOne("base", model, content, diagnostics);
    }

    private string? RenderOne(string layout, IReadOnlyDictionary<string, object> model, string? content, DiagnosticBag diagnostics)
    {
        if (!_layouts.TryGetValue(layout, out var entry))
        {
            return null; // reported by the Layouts pipeline (missing, or a syntax error)
        }

        var context = new TemplateContext(Options);
        foreach (var (name, value) in model)
        {
            context.SetValue(name, value);
        }

        if (content is not null)
        {
            context.SetValue("content", content);
        }

        try
        {
            return entry.Template.Render(context, HtmlTextEncoder.Instance);
        }
#pragma warning disable CA1031 // Any failure inside a user's layout is reported against that layout, never as a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            diagnostics.Error(DiagnosticCodes.LayoutRender, SourceLocation.File(entry.Path), $"layout failed to render: {ex.Message}");
            return null;
        }
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions
        {
            // Layouts are trusted theme code, but keep them bounded: a runaway loop fails the build instead of hanging it.
            // The step bound grows with the content (the reader loops over every note, ~50 statements each): 1,000,000
            // failed the reader of 20,000 notes, with Fluid's misleading "maximum level of recursion" message.
            // 100,000,000 is about 2 million notes, and still stops a runaway loop within seconds.
            MaxRecursion = 20,
            MaxSteps = 100_000_000,
        };
        return options;
    }
}
