using System.Collections.Immutable;
using Marginalia.Annotations;
using Marginalia.Diagnostics;
using Marginalia.Glossary;
using Marginalia.Initiatives;
using Marginalia.Pipeline;

namespace Marginalia.Content;

/// <summary>
/// Which media files something shows: the bodies of notes, glossary terms and initiatives (their checked
/// <c>![…](media/…)</c> images) and the essay (its Markdown may show an image too). A file none shows is an error
/// (MG0119): it would otherwise be published, and reachable by its address, without anyone having looked at it.
/// </summary>
internal static partial class MediaUse
{
    private const string Prefix = MediaPipeline.Folder + "/";

    /// <summary>The pipelines whose files can show media.</summary>
    public static readonly string[] Sources =
    [
        EssayPipeline.PipelineName, AnnotationsPipeline.PipelineName, GlossaryPipeline.PipelineName, InitiativesPipeline.PipelineName,
    ];

    private static readonly string[] SourceFolders = [AnnotationsPipeline.Folder, GlossaryPipeline.Folder, InitiativesPipeline.Folder];

    /// <summary>Every media path ("a/b.png", relative to media/) that something shows.</summary>
    public static HashSet<string> Referenced(IExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var media = context.OutputsOf(AnnotationsPipeline.PipelineName).SelectMany(d => d.Get(AnnotationKeys.NoteFile).Media)
            .Concat(context.OutputsOf(GlossaryPipeline.PipelineName).SelectMany(d => d.Get(GlossaryKeys.TermFile).Media))
            .Concat(context.OutputsOf(InitiativesPipeline.PipelineName).SelectMany(d => d.Get(InitiativeKeys.InitiativeFile).Media));
        if (context.FirstOutput(EssayPipeline.PipelineName, ContentKeys.Essay) is { } essay)
        {
            media = media.Concat(essay.Body.Attributes("img[src]", "src").Select(Uri.UnescapeDataString)).Concat(essay.Footnotes.SelectMany(f => Images(f.Html)));
        }

        return media.Where(m => m.StartsWith(Prefix, StringComparison.Ordinal)).Select(m => m[Prefix.Length..]).ToHashSet(StringComparer.Ordinal);
    }

    private static string[] Images(string html) =>
        html.Contains("<img", StringComparison.Ordinal)
            ? HtmlFragment.Parse(html).QuerySelectorAll("img[src]").Select(i => Uri.UnescapeDataString(i.GetAttribute("src")!)).ToArray()
            : [];

    /// <summary>Reports (MG0119) and drops each media file nothing shows.</summary>
    public sealed class UnusedModule : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            if (inputs.IsEmpty || SourcesHaveErrors(context))
            {
                // A body that failed its checks lists no images, so its images would look unused: its own errors say
                // what to fix first, and this check speaks once they are fixed.
                return Task.FromResult(inputs);
            }

            var referenced = Referenced(context);
            var used = ImmutableArray.CreateBuilder<Document>();
            foreach (var file in inputs)
            {
                var relative = file.Get(ContentKeys.RelativePath);
                if (referenced.Contains(relative))
                {
                    used.Add(file);
                    continue;
                }

                context.Diagnostics.Error(DiagnosticCodes.MediaUnused, SourceLocation.File(file.Source!),
                    $"no note, glossary entry, initiative or the essay shows this image, so it would be published unseen",
                    Nameable().IsMatch(relative)
                        ? $"show it in a body with ![what it shows]({Prefix}{relative}), or delete it"
                        : "rename it (and its folders) with letters, digits, '.', '_' and '-' only, not starting with '.', so a body can show it; or delete it");
            }

            return Task.FromResult(used.ToImmutable());
        }

        private static bool SourcesHaveErrors(IExecutionContext context)
        {
            var roots = context.Build.Roots;
            var folders = SourceFolders.Select(f => roots.Display(Path.Combine(roots.Input, f)) + "/").ToArray();
            var essay = roots.Display(Path.Combine(roots.Input, EssayPipeline.FileName));
            return context.Diagnostics.Sorted().Any(d => d.IsError
                && (d.Location.Path == essay || folders.Any(f => d.Location.Path.StartsWith(f, StringComparison.Ordinal))));
        }
    }

    // The names a body may write after media/ (ContributedMarkdown's rule).
    [System.Text.RegularExpressions.GeneratedRegex("^([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$")]
    private static partial System.Text.RegularExpressions.Regex Nameable();
}
