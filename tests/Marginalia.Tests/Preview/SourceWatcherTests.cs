using Marginalia.Tests.Support;
using Marginalia.Preview;

namespace Marginalia.Tests.Preview;

public sealed class SourceWatcherTests
{
    [Theory]
    [InlineData("input/.essay.md.swp", true)]
    [InlineData("input/essay.md~", true)]
    [InlineData("input/4913", true)]
    [InlineData("input/.DS_Store", true)]
    [InlineData("input/essay.md___jb_tmp___", true)]
    [InlineData("input/essay.md", false)]
    [InlineData("input/glossary/wto.md", false)]
    [InlineData("theme/assets/site.css", false)]
    public void Editor_scratch_files_do_not_count_as_changes(string path, bool scratch)
    {
        // Given a path an editor or the author wrote
        // When the watcher sees it change
        // Then only editors' scratch files are ignored
        Assert.Equal(scratch, SourceWatcher.IsScratch(path));
    }

    [Fact]
    public async Task Saving_a_file_in_a_subfolder_is_reported_and_the_output_folder_is_not()
    {
        // Given a watcher on an input folder that, misconfigured, holds the output folder too
        using var files = TempSite.CopyOfRepository();
        var changed = System.Threading.Channels.Channel.CreateUnbounded<string>();
        var glossary = Directory.CreateDirectory(files.PathOf("input/glossary")).FullName;
        var output = Directory.CreateDirectory(files.PathOf("input/output")).FullName;
        using var watcher = new SourceWatcher([files.PathOf("input")], [output], p => changed.Writer.TryWrite(p), _ => { });

        // When a file is written in the output folder, and then one in a subfolder
        await File.WriteAllTextAsync(Path.Combine(output, "index.html"), "<p>built</p>");
        await File.WriteAllTextAsync(Path.Combine(glossary, "wto.md"), "---\nterm: WTO\n---\n");

        // Then the first change reported is the glossary file's
        var first = await changed.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Path.Combine(glossary, "wto.md"), first);
    }

    [Theory]
    [InlineData("input/media/loop", ".")]
    [InlineData("input/media/up", "..")]
    [InlineData("input/annotations/a", "../annotations")]
    public async Task A_folder_holding_a_link_loop_is_watched_and_its_changes_reported(string link, string target)
    {
        // Given an input folder with a link that leads back to a folder it is in
        using var files = TempSite.CopyOfRepository();
        Directory.CreateDirectory(Path.GetDirectoryName(files.PathOf(link))!);
        Directory.CreateSymbolicLink(files.PathOf(link), target);
        var changed = System.Threading.Channels.Channel.CreateUnbounded<string>();

        // When a watcher starts on it (under a hang guard: a watcher that followed the link would never finish starting)
        var starting = Task.Run(() => new SourceWatcher([files.PathOf("input")], [], p => changed.Writer.TryWrite(p), _ => { }));
        Assert.True(await Task.WhenAny(starting, Task.Delay(TimeSpan.FromMinutes(2))) == starting, "the watcher did not finish starting");
        using var watcher = await starting;
        await File.WriteAllTextAsync(files.PathOf("input/glossary/wto.md"), "---\nterm: WTO\n---\n");

        // Then the change is reported
        var first = await changed.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.EndsWith("wto.md", first, StringComparison.Ordinal);
    }
}
