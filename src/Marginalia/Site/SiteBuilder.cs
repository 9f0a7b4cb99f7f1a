using Marginalia.Annotations;
using Marginalia.Content;
using Marginalia.Extensions;
using Marginalia.Diagnostics;
using Marginalia.Output;
using Marginalia.Pipeline;
using Marginalia.Reader;

namespace Marginalia.Site;

/// <summary>Builds the site: reads the settings, runs the pipelines, and reports every diagnostic together.</summary>
internal static class SiteBuilder
{
    public const string SettingsFile = "site.yml";

    public static Task<BuildResult> BuildAsync(BuildOptions options, CancellationToken cancellationToken = default) =>
        BuildAsync(options, SitePipelines.Create(), cancellationToken);

    /// <summary>
    /// Test seam: builds with the given pipelines instead of <see cref="SitePipelines.Create"/>, so a test can add a
    /// module that fails or cancels at a chosen pipeline and phase. Everything else is as for a real build.
    /// </summary>
    internal static async Task<BuildResult> BuildAsync(BuildOptions options, IReadOnlyList<BuildPipeline> pipelines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pipelines);
        _ = LibraryWarmup.Start();
        var roots = BuildRoots.From(options.Input, options.Theme, options.Output, options.WorkingDirectory);
        var diagnostics = new DiagnosticBag();
        if (!Directory.Exists(roots.Input))
        {
            diagnostics.Error(DiagnosticCodes.FileMissing, SourceLocation.File(roots.Display(roots.Input)), "the input folder does not exist",
                "run from the folder that holds input/ and theme/, or pass --input");
            return new BuildResult(diagnostics.Sorted(), [], false);
        }

        var settings = Metadata.Empty;
        if (ReadSettings(roots, diagnostics) is { } site)
        {
            settings = settings.With(ContentKeys.Site, site);
        }

        var build = new BuildContext(roots, diagnostics, cancellationToken) { Settings = settings, WriteOutput = options.Write, AllowUnanchored = options.AllowUnanchored, Command = options.Command, Cache = options.Cache, Carried = options.Carried, Shown = options.Shown, Disk = options.DiskCache ? DiskCache.For(roots) : null };
        var engine = new Engine(pipelines);
        EngineResult result;
        try
        {
            result = await engine.RunAsync(build).ConfigureAwait(false);
        }
        finally
        {
            // A pass that carried pipelines used none of their cached work, and a cancelled build only part of its:
            // ending either would drop work the next build needs.
            if (options.Carried.Count == 0 && !cancellationToken.IsCancellationRequested)
            {
                options.Cache?.EndBuild();
            }
        }

        var written = result.WroteOutput
            ? result.Outputs[OutputPipeline.PipelineName].Select(d => d.Destination!).ToList()
            : [];
        var repairs = result.Outputs.TryGetValue(ReaderPipeline.PipelineName, out var reader) && reader.Length > 0
            ? reader[0].Get(ReaderKeys.Result).Repairs
            : [];
        return new BuildResult(diagnostics.Sorted(), written, result.WroteOutput) { Repairs = repairs };
    }

    private static SiteSettings? ReadSettings(BuildRoots roots, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(roots.Input, SettingsFile);
        var display = roots.Display(path);
        if (!File.Exists(path))
        {
            diagnostics.Error(DiagnosticCodes.FileMissing, SourceLocation.File(display), "the site settings are missing",
                "create it with title, description and base-url");
            return null;
        }

        if (!InputLinks.Check(roots.Input, path, roots, diagnostics))
        {
            return null;
        }

        var text = SourceFileReader.Read(path, display, diagnostics);
        return text is null ? null : SiteSettingsParser.Read(text, diagnostics);
    }
}
