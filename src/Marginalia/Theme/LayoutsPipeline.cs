using System.Collections.Immutable;
using Marginalia.Content;
using Marginalia.Diagnostics;
using Marginalia.Pipeline;

namespace Marginalia.Theme;

/// <summary>Reads and parses every Liquid layout in <c>theme/layouts/</c>.</summary>
internal sealed class LayoutsPipeline : BuildPipeline
{
    public const string PipelineName = "Layouts";

    /// <summary>The layouts the site cannot be built without.</summary>
    public static readonly IReadOnlyList<string> Required = ["base", "reader", "notes", "glossary", "initiatives", "initiative", "sources", "contributors", "about", "search", "404"];

    public LayoutsPipeline()
        : base(PipelineName)
    {
        // Recursive: partials, rendered with {% render 'partials/name' %}, live in layouts/partials/.
        InputModules.Add(new ReadFilesModule(roots => Path.Combine(roots.Theme, "layouts"), "*.liquid", recursive: true));
        ProcessModules.Add(new RequireLayoutsModule());
        ProcessModules.Add(new ParseLayoutModule());
    }

    /// <summary>A layout's name: its path under layouts/ without extension, with '/' ("reader", "partials/note-body").</summary>
    public static string LayoutName(string relativePath) => Path.ChangeExtension(relativePath, null).Replace('\\', '/');

    private sealed class ParseLayoutModule : SyncPerDocumentModule
    {
        protected override IReadOnlyList<Document> ExecuteDocument(Document input, IExecutionContext context)
        {
            var template = context.Build.Cache is { } cache
                ? cache.GetOrAdd(BuildCache.Key(nameof(ParseLayoutModule), input.Source!, input.Content), context.Diagnostics, bag => LayoutParser.Parse(input.Content, input.Source!, bag))
                : LayoutParser.Parse(input.Content, input.Source!, context.Diagnostics);
            return template is null
                ? []
                : [input.With(ThemeKeys.Template, template).With(ThemeKeys.LayoutName, LayoutName(input.Get(ContentKeys.RelativePath)))];
        }
    }

    private sealed class RequireLayoutsModule : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
        {
            var folder = context.Build.Roots.Display(Path.Combine(context.Build.Roots.Theme, "layouts"));
            var present = inputs.Select(d => LayoutName(d.Get(ContentKeys.RelativePath))).ToHashSet(StringComparer.Ordinal);
            foreach (var name in Required.Where(n => !present.Contains(n)))
            {
                context.Diagnostics.Error(DiagnosticCodes.LayoutMissing, SourceLocation.File($"{folder}/{name}.liquid"), $"layout '{name}' is missing from the theme");
            }

            return Task.FromResult(inputs);
        }
    }
}
