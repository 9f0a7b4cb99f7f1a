using System.Text.RegularExpressions;
using Marginalia.BrowserTests.Infrastructure;
using Marginalia.Site;
using Marginalia.Testing;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// Two builds for the offline tests, in their own folders so a test may stop and start servers over them: the
/// repository's committed site, and the same site with one note changed, as the next deploy of it.
/// </summary>
public sealed partial class OfflineBuilds : IAsyncLifetime
{
    /// <summary>A sentence only the second build's changed note has.</summary>
    public const string ChangedNoteText = "Added in the second build, to see a new version of the site replace the cached one.";

    private readonly string _workFolder = Path.Combine(Path.GetTempPath(), "marginalia-offline-" + Guid.NewGuid().ToString("N"));

    public string RepositoryRoot { get; } = Infrastructure.RepositoryRoot.Find();

    /// <summary>The site as the repository has it committed.</summary>
    public string First => Path.Combine(_workFolder, "first");

    /// <summary>The site with <see cref="ChangedNoteText"/> added to a note.</summary>
    public string Second => Path.Combine(_workFolder, "second");

    /// <summary>The Content-Security-Policy the host sends with every file (sw.js included), for the servers to send too.</summary>
    public IReadOnlyDictionary<string, string> HostHeaders { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_workFolder);
        HostHeaders = new Dictionary<string, string> { ["Content-Security-Policy"] = await SiteCsp.PolicyAsync(RepositoryRoot) };
        await BuildAsync(CommittedInput.Of(RepositoryRoot).Input, First);

        // The next deploy: a copy of the input whose first note (by file name) has one more paragraph.
        var input = Path.Combine(_workFolder, "input");
        CommittedInput.CopyTo(RepositoryRoot, input);
        var note = Directory.EnumerateFiles(Path.Combine(input, "annotations"), "*.md").Order(StringComparer.Ordinal).First();
        await File.AppendAllTextAsync(note, Environment.NewLine + Environment.NewLine + ChangedNoteText + Environment.NewLine);
        await BuildAsync(input, Second);
    }

    /// <summary>The build's offline version, as its sw.js declares it.</summary>
    public static string VersionOf(string siteFolder)
    {
        var match = VersionLine().Match(File.ReadAllText(Path.Combine(siteFolder, "sw.js")));
        Assert.True(match.Success, $"{siteFolder}/sw.js declares no VERSION");
        return match.Groups["version"].Value;
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_workFolder))
        {
            Directory.Delete(_workFolder, recursive: true);
        }

        return Task.CompletedTask;
    }

    private async Task BuildAsync(string input, string output)
    {
        var result = await SiteBuilder.BuildAsync(
            new BuildOptions(Input: input, Theme: Path.Combine(RepositoryRoot, "theme"), Output: output) { WorkingDirectory = RepositoryRoot });
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The site in {input} did not build:{Environment.NewLine}{string.Join(Environment.NewLine, result.Diagnostics)}");
        }
    }


    [GeneratedRegex("""^const VERSION = "(?<version>[0-9a-f]+)";$""", RegexOptions.Multiline)]
    private static partial Regex VersionLine();
}
