using Marginalia.Tests.Support;
using Marginalia.Preview;
using Marginalia.Site;

namespace Marginalia.Tests.Preview;

/// <summary>A <see cref="TempSite"/> previewed on a free port, with a client for it.</summary>
internal sealed class PreviewSite : IAsyncDisposable
{
    private readonly TempSite _files = TempSite.CopyOfRepository();
    private readonly List<PreviewBuild> _builds = [];

    private PreviewSite()
    {
    }

    public PreviewServer Server { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Every build the preview reported, the first included.</summary>
    public IReadOnlyList<PreviewBuild> Builds
    {
        get
        {
            lock (_builds)
            {
                return [.. _builds];
            }
        }
    }

    public static async Task<PreviewSite> StartAsync()
    {
        var site = new PreviewSite();
        try
        {
            site.Server = await PreviewServer.StartAsync(new PreviewOptions(new BuildOptions { WorkingDirectory = site._files.Root })
            {
                Port = 0,
                OnBuild = site.Record,
            });
            site.Client = new HttpClient { BaseAddress = site.Server.Address, Timeout = TimeSpan.FromSeconds(30) };
            return site;
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }
    }

    public string PathOf(string relative) => _files.PathOf(relative);

    public void Edit(string relative, string find, string replace) => _files.Edit(relative, find, replace);

    /// <summary>
    /// <see cref="Edit"/> as editors that write a new file and rename it over the old one save (vim, JetBrains, gedit):
    /// the watcher never sees the file empty. An in-place write truncates it first, and on a loaded machine a rebuild can
    /// start in between and read it empty; a test that asserts the first rebuild's errors needs the file whole. The new
    /// file is written beside input/, where nothing is watched.
    /// </summary>
    public void EditByRename(string relative, string find, string replace)
    {
        var saving = _files.PathOf(".saving-" + Path.GetFileName(relative));
        File.WriteAllText(saving, _files.Replaced(relative, find, replace));
        File.Move(saving, _files.PathOf(relative), overwrite: true);
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        _files.Dispose();
    }

    private void Record(PreviewBuild build)
    {
        lock (_builds)
        {
            _builds.Add(build);
        }
    }
}
