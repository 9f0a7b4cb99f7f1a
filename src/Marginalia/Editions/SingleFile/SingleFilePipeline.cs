using System.Collections.Immutable;
using System.Globalization;
using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Contributions;
using Marginalia.Diagnostics;
using Marginalia.Extensions;
using Marginalia.Pages;
using Marginalia.Pipeline;
using Marginalia.Reader;
using Marginalia.Search;
using Marginalia.Theme;

namespace Marginalia.Editions.SingleFile;

/// <summary>The single-file edition, <c>downloads/&lt;slug&gt;.html</c>, made from the reader page and the files it uses.</summary>
internal sealed class SingleFilePipeline : BuildPipeline
{
    public const string PipelineName = "SingleFile";

    public SingleFilePipeline()
        : base(PipelineName, ReaderPipeline.PipelineName, PagesPipeline.PipelineName, AssetsPipeline.PipelineName, MediaPipeline.PipelineName, SearchPipeline.PipelineName)
    {
        ProcessModules.Add(new SingleFileModule());
    }

    private sealed class SingleFileModule : FromReaderModule
    {
        protected override ImmutableArray<Document> Make(ReaderResult reader, SiteSettings site, IExecutionContext context)
        {
            var page = context.OutputsOf(PagesPipeline.PipelineName).FirstOrDefault(d => d.Destination == SitePaths.Reader);
            if (page is null)
            {
                return []; // the page's own errors are reported
            }

            var files = context.OutputsOf(AssetsPipeline.PipelineName).Concat(context.OutputsOf(MediaPipeline.PipelineName)).Concat(context.OutputsOf(SearchPipeline.PipelineName))
                .Where(d => d.Destination is not null)
                .ToDictionary(d => d.Destination!, d => d.ToBytes(), StringComparer.Ordinal);
            var budget = SingleFileBudget.Site;
            var result = SingleFileEdition.Create(page.Content, files, site.BaseUrl, budget);
            if (result.Write is null)
            {
                Report(result.Measure, budget, reader, context);
                return [];
            }

            // A large edition (by its measure, images included) goes straight to a file for the Output phase.
            return [Document.Written(null, EditionPaths.SingleFile(reader.Essay.Info), result.Write, spill: result.Measure.Bytes >= Engine.SpillSize, Metadata.Empty.With(HtmlAnchors.Key, result.Anchors))];
        }

        /// <summary>One error at the file whose images weigh most in the edition, naming the others and the images.</summary>
        private static void Report(SingleFileMeasure measure, SingleFileBudget budget, ReaderResult reader, IExecutionContext context)
        {
            var each = measure.ByImage.ToDictionary(i => i.Path, i => i.EachBytes, StringComparer.Ordinal);
            var essay = context.Build.Roots.Display(Path.Combine(context.Build.Roots.Input, EssayPipeline.FileName));
            var shows = reader.Notes.Select(n => (File: n.Note.SourcePath, n.Note.BodyHtml)).Prepend((File: essay, BodyHtml: reader.Html))
                .Select(s => (s.File, Images: ImagesIn(s.BodyHtml).Where(each.ContainsKey).ToArray()))
                .Where(s => s.Images.Length > 0)
                .GroupBy(s => s.File, StringComparer.Ordinal)
                .Select(g => (File: g.Key, Count: g.Sum(s => s.Images.Length), Bytes: g.Sum(s => s.Images.Sum(i => each[i]))))
                .OrderByDescending(s => s.Bytes).ThenBy(s => s.File, StringComparer.Ordinal)
                .ToArray();
            var files = string.Join(", ", shows.Take(5).Select(s => $"{s.File} ({Count(s.Count)} images, {MediaFiles.Size(s.Bytes)})"));
            var images = string.Join(", ", measure.ByImage.Where(i => i.Path.StartsWith(MediaPipeline.Folder + "/", StringComparison.Ordinal)).OrderByDescending(i => i.TotalBytes).ThenBy(i => i.Path, StringComparer.Ordinal).Take(5)
                .Select(i => $"{i.Path} shown {Count(i.Times)} times ({MediaFiles.Size(i.TotalBytes)})"));
            var what = measure.Images > budget.MaxImages
                ? $"would show {Count(measure.Images)} images, more than the {Count(budget.MaxImages)} it may"
                : $"would be {MediaFiles.Size(measure.Bytes)}, more than the {MediaFiles.Size(budget.MaxBytes)} it may";
            context.Diagnostics.Error(
                DiagnosticCodes.EditionTooLarge,
                SourceLocation.File(shows.Length > 0 ? shows[0].File : essay),
                $"the single-file edition {what}: it holds a copy of an image each time the reader shows it. Shown by: {files}. Images: {images}",
                "show each image once, in the note it belongs to, and make large images smaller");
        }

        private static string[] ImagesIn(string html) =>
            html.Contains("<img", StringComparison.Ordinal)
                ? [.. HtmlFragment.Parse(html, ParsedHtml.Fragment).QuerySelectorAll("img[src]").Select(i => i.GetAttribute("src")!)]
                : [];

        private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
    }
}
