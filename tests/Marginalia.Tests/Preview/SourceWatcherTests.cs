using Marginalia.Tests.Support;
using Marginalia.Preview;

namespace Marginalia.Tests.Preview;

public sealed class SourceWatcherTests
{
    [Fact]
    public async Task Editors_scratch_files_are_not_reported_and_the_save_they_surround_is()
    {
        // Given a watcher on an input folder
        using var files = TempSite.CopyOfRepository();
        var changed = System.Threading.Channels.Channel.CreateUnbounded<string>();
        using var watcher = new SourceWatcher([files.PathOf("input")], [], p => changed.Writer.TryWrite(p), _ => { });

        // When editors write, rename and delete their scratch files, and then the note itself is saved
        var annotations = files.PathOf("input/annotations");
        foreach (var name in new[] { "sedAb12Cd", ".note.md.swp", "4913", "note.md~", ".#note.md", "#note.md#", "note.md.tmp", ".goutputstream-QX1", "note.md.kate-swp", ".DS_Store" })
        {
            var path = Path.Combine(annotations, name);
            await File.WriteAllTextAsync(path, "scratch");
            File.Move(path, path + "~");
            File.Delete(path + "~");
        }

        await File.WriteAllTextAsync(Path.Combine(annotations, "note.md"), "---\nquote: x\n---\n");

        // Then the first change reported is the note's (the watcher reports in order, so any scratch file would come first)
        var first = await changed.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Path.Combine(annotations, "note.md"), first);
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
