using System.Collections.Immutable;
using Marginalia.Diagnostics;
using Marginalia.Pipeline;

namespace Marginalia.Content;

/// <summary>
/// Which media files something shows: the bodies of every kind's contributed files (their checked
/// <c>![…](media/…)</c> images, under <see cref="ContentKeys.Media"/>, from the loaders it is given) and the essay
/// (its Markdown may show an image too). A file none shows is an error
/// (MG0119): it would otherwise be published, and reachable by its address, without anyone having looked at it.
/// </summary>
internal static partial class MediaUse
{
    private const string Prefix = MediaPipeline.Folder + "/";

    /// <summary>Every media path ("a/b.png", relative to media/) that something shows.</summary>
    public static HashSet<string> Referenced(IExecutionContext context, IReadOnlyList<(string Pipeline, string Folder)> loaders)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(loaders);
        var media = loaders.SelectMany(l => context.OutputsOf(l.Pipeline)).SelectMany(d => d.Metadata.GetOrDefault(ContentKeys.Media, []));
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
    /// <param name="loaders">Every contribution loader, with the folder it reads.</param>
    public sealed class UnusedModule(IReadOnlyList<(string Pipeline, string Folder)> loaders) : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            if (inputs.IsEmpty || SourcesHaveErrors(context, loaders))
            {
                // A body that failed its checks lists no images, so its images would look unused: its own errors say
                // what to fix first, and this check speaks once they are fixed.
                return Task.FromResult(inputs);
            }

            var referenced = Referenced(context, loaders);
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
                    $"no note, glossary entry, initiative, question or the essay shows this image, so it would be published unseen",
                    Nameable().IsMatch(relative)
                        ? $"show it in a body with ![what it shows]({Prefix}{relative}), or delete it"
                        : "rename it (and its folders) with letters, digits, '.', '_' and '-' only, not starting with '.', so a body can show it; or delete it");
            }

            return Task.FromResult(used.ToImmutable());
        }

        private static bool SourcesHaveErrors(IExecutionContext context, IReadOnlyList<(string Pipeline, string Folder)> loaders)
        {
            var roots = context.Build.Roots;
            var folders = loaders.Select(l => l.Folder).Select(f => roots.Display(Path.Combine(roots.Input, f)) + "/").ToArray();
            var essay = roots.Display(Path.Combine(roots.Input, EssayPipeline.FileName));
            return context.Diagnostics.Sorted().Any(d => d.IsError
                && (d.Location.Path == essay || folders.Any(f => d.Location.Path.StartsWith(f, StringComparison.Ordinal))));
        }
    }

    // The names a body may write after media/ (ContributedMarkdown's rule).
    [System.Text.RegularExpressions.GeneratedRegex("^([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$")]
    private static partial System.Text.RegularExpressions.Regex Nameable();
}
