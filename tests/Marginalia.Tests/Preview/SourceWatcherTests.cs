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
}
