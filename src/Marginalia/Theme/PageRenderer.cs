using Fluid;
using Fluid.Values;
using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Pipeline;

namespace Marginalia.Theme;

/// <summary>
/// Renders a page through its layout, then through <c>base.liquid</c>, the way Jekyll applies layouts. Layouts see only
/// the typed models registered in <see cref="LayoutModels"/>; a variable or member no model has fails the build at the
/// layout's line and column (<see cref="DiagnosticCodes.LayoutUndefined"/>) instead of rendering as nothing.
/// </summary>
internal sealed class PageRenderer
{
    private readonly IReadOnlyDictionary<string, ParsedLayout> _layouts;
    private readonly TemplateOptions _options;

    /// <param name="layouts">Every parsed layout and partial, by name ("reader", "partials/note-body").</param>
    /// <param name="register">Registers the model types the layouts see, beyond the theme's own.</param>
    public PageRenderer(IReadOnlyDictionary<string, ParsedLayout> layouts, Action<LayoutModels> register)
    {
        ArgumentNullException.ThrowIfNull(register);
        _layouts = layouts;
        _options = CreateOptions(layouts);
        register(new LayoutModels(_options.MemberAccessStrategy));
    }

    /// <returns>The page's HTML, or null after reporting why it could not be rendered.</returns>
    public string? Render(string layout, PageModel model, DiagnosticBag diagnostics) => RenderAnchored(layout, model, diagnostics)?.Html;

    /// <summary>
    /// The page's HTML and its anchors (ids and links, for the link check), known as the page is made: each piece of
    /// <see cref="AnchoredHtml"/> a layout places with <c>| raw</c> brings its own, and the layouts' markup around
    /// them is read as it comes out (<see cref="AnchorScanner"/>). Null after reporting why it could not be rendered.
    /// </summary>
    public (string Html, HtmlAnchors Anchors)? RenderAnchored(string layout, PageModel model, DiagnosticBag diagnostics) =>
        RenderLayouts(layout, model, diagnostics) is var (page, pieces) ? AnchorScanner.Complete(page, pieces) : null;

    /// <summary>
    /// The page as a document at <paramref name="destination"/>, with its anchors (<see cref="HtmlAnchors.Key"/>): one of
    /// over <paramref name="spillSize"/> characters written straight to a temporary file as its pieces are put in
    /// (<see cref="Document.Written"/>), never whole in memory. Null after reporting why it could not be rendered.
    /// </summary>
    public Document? RenderDocument(string layout, PageModel model, DiagnosticBag diagnostics, string? source, string destination, long spillSize)
    {
        if (RenderLayouts(layout, model, diagnostics) is not var (page, pieces))
        {
            return null;
        }

        if (AnchorScanner.Length(page, pieces) < spillSize)
        {
            // The preview's pages pass renders here on every save: one string made at its final size.
            var (html, pageAnchors) = AnchorScanner.Complete(page, pieces);
            return new Document(source, destination, html, Metadata.Empty.With(HtmlAnchors.Key, pageAnchors));
        }

        HtmlAnchors? anchors = null;
        var document = Document.Written(source, destination, html => anchors = AnchorScanner.Complete(page, pieces, html), spill: true);
        return document.With(HtmlAnchors.Key, anchors!);
    }

    /// <summary>The page's layout, then base.liquid around it, with slots where the pieces go; null after reporting why not.</summary>
    private (string Page, List<AnchoredHtml> Pieces)? RenderLayouts(string layout, PageModel model, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var pieces = new List<AnchoredHtml>();
        var content = RenderOne(layout, model, null, pieces, diagnostics);
        var page = content is null ? null : RenderOne(CoreLayouts.Base, model, content, pieces, diagnostics);
        return page is null ? null : (page, pieces);
    }

    // Where a render keeps the pieces its slots stand for, in the template context the raw filter sees.
    private const string PiecesName = "marginalia.pieces";

    private string? RenderOne(string layout, PageModel model, string? content, List<AnchoredHtml> pieces, DiagnosticBag diagnostics)
    {
        if (!_layouts.TryGetValue(layout, out var entry))
        {
            return null; // reported by the Layouts pipeline (missing, or a syntax error)
        }

        var context = new TemplateContext(_options);
        context.AmbientValues[PiecesName] = pieces;
        foreach (var (name, value) in model.Values)
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
        catch (UndefinedInLayoutException ex)
        {
            // Fluid names only the member; find where the layout (or a partial it renders) reads it.
            var (path, line, column) = LayoutSource.Find(ex.Name, entry, _layouts.Values);
            diagnostics.Error(DiagnosticCodes.LayoutUndefined, new SourceLocation(path, line, column),
                $"'{ex.Name}' is not defined for the {layout} page: no model sets it, so it would render as nothing",
                "check the spelling against the model the layout sees (members are snake_case: body_html)");
            return null;
        }
#pragma warning disable CA1031 // Any failure inside a user's layout is reported against that layout, never as a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            diagnostics.Error(DiagnosticCodes.LayoutRender, SourceLocation.File(entry.Path), $"layout failed to render: {ex.Message}");
            return null;
        }
    }

    private static TemplateOptions CreateOptions(IReadOnlyDictionary<string, ParsedLayout> layouts)
    {
        var options = new TemplateOptions
        {
            // Layouts are trusted theme code, but keep them bounded: a runaway loop fails the build instead of hanging it.
            // The step bound grows with the content (the reader loops over every note, ~50 statements each): 1,000,000
            // failed the reader of 20,000 notes, with Fluid's misleading "maximum level of recursion" message.
            // 100,000,000 is about 2 million notes, and still stops a runaway loop within seconds.
            MaxRecursion = 20,
            MaxSteps = 100_000_000,

            // {% render 'partials/x' %} reads the partials the Layouts pipeline already read and checked.
            FileProvider = new PartialFiles(layouts),

            // A renamed member must not render as nothing: every variable a layout reads is set, null where it has no value.
            Undefined = name => throw new UndefinedInLayoutException(name),
            StrictFilters = true,
        };

        // raw as Liquid has it, except that HTML the code made with its anchors (the essay, a body) is left as a slot:
        // filled in after the render, its anchors taken as they are instead of read again from the page.
        options.Filters.AddFilter("raw", (input, _, context) =>
        {
            if (input.ToObjectValue() is AnchoredHtml anchored)
            {
                if (context.AmbientValues.TryGetValue(PiecesName, out var found) && found is List<AnchoredHtml> pieces)
                {
                    pieces.Add(anchored);
                    return new ValueTask<FluidValue>(new StringValue(AnchorScanner.Slot(pieces.Count - 1), false));
                }

                return new ValueTask<FluidValue>(new StringValue(anchored.Html, false));
            }

            return new ValueTask<FluidValue>(new StringValue(input.ToStringValue(), false));
        });
        return options;
    }

    private sealed class UndefinedInLayoutException(string name) : Exception($"'{name}' is not defined")
    {
        public string Name { get; } = name;
    }
}
