using Marginalia.BrowserTests.Infrastructure;
using Marginalia.Diagnostics;
using Marginalia.Scaffolding;
using Marginalia.Site;
using Marginalia.Testing;
using Marginalia.Text;
using Xunit;

namespace Marginalia.BrowserTests;

/// <summary>
/// For the "Suggest a note" tests: the committed site built again with a <c>repository</c> in site.yml (the shared
/// site has none, so there the note is shown in a dialog), the essay's text as the build indexes it, and a way to
/// check and build a copy of the input with suggested notes added.
/// </summary>
public sealed class SuggestNoteSites : IAsyncLifetime
{
    public const string Repository = "https://github.com/example-org/marginalia";
    public const string Branch = "main";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "marginalia-suggest-" + Guid.NewGuid().ToString("N"));
    private StaticSiteServer? _server;
    private TextIndex? _index;

    /// <summary>The site whose site.yml names <see cref="Repository"/>.</summary>
    public StaticSiteServer WithRepository => _server ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>The essay's text as the build anchors notes on it (essay.txt), with its blocks.</summary>
    internal TextIndex Essay => _index ?? throw new InvalidOperationException("The essay has not been read.");

    public string RepositoryRoot { get; } = Infrastructure.RepositoryRoot.Find();

    public async Task InitializeAsync()
    {
        var input = Path.Combine(_root, "input");
        CommittedInput.CopyTo(RepositoryRoot, input);
        await File.AppendAllTextAsync(Path.Combine(input, "site.yml"), $"\nrepository: \"{Repository}\"\n");
        var result = await SiteBuilder.BuildAsync(new BuildOptions(Input: input, Theme: Path.Combine(RepositoryRoot, "theme"), Output: Path.Combine(_root, "site"))
        {
            WorkingDirectory = RepositoryRoot,
        });
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The site with a repository did not build:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
        }

        var diagnostics = new DiagnosticBag();
        _index = EssayText.Load(Path.Combine(input, "essay.md"), "essay.md", diagnostics)
            ?? throw new InvalidOperationException("The essay did not read: " + string.Join(Environment.NewLine, diagnostics.Sorted()));
        _server = await StaticSiteServer.StartAsync(Path.Combine(_root, "site"));
    }

    /// <summary>
    /// A fresh copy of the committed input with <paramref name="notes"/> (file name, text) added to its annotations,
    /// checked as <c>marginalia check</c> does and then built: the check's diagnostics and the built site's folder.
    /// </summary>
    internal async Task<(IReadOnlyList<Diagnostic> Check, string Site)> CheckAndBuildAsync(string name, IEnumerable<(string FileName, string Text)> notes)
    {
        var folder = Path.Combine(_root, name);
        var input = Path.Combine(folder, "input");
        CommittedInput.CopyTo(RepositoryRoot, input);
        foreach (var (fileName, text) in notes)
        {
            var path = Path.Combine(input, "annotations", fileName);
            if (File.Exists(path))
            {
                throw new InvalidOperationException($"{fileName} already exists in input/annotations");
            }

            await File.WriteAllTextAsync(path, text);
        }

        var theme = Path.Combine(RepositoryRoot, "theme");
        var check = await SiteBuilder.BuildAsync(new BuildOptions(Input: input, Theme: theme, Output: Path.Combine(folder, "site")) { Write = false, WorkingDirectory = folder });
        var site = Path.Combine(folder, "site");
        if (check.Succeeded)
        {
            var build = await SiteBuilder.BuildAsync(new BuildOptions(Input: input, Theme: theme, Output: site) { WorkingDirectory = folder });
            if (!build.Succeeded)
            {
                throw new InvalidOperationException("check passed but the build failed:" + Environment.NewLine + string.Join(Environment.NewLine, build.Diagnostics));
            }
        }

        return (check.Diagnostics, site);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
