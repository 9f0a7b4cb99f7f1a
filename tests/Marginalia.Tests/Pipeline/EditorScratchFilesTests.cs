using Marginalia.Pipeline;

namespace Marginalia.Tests.Pipeline;

public sealed class EditorScratchFilesTests
{
    [Theory]
    [InlineData("input/annotations/sedAb12Cd", "GNU sed -i's temporary file: sed and six letters or digits")]
    [InlineData("input/sed123456", "sed's name with digits only")]
    [InlineData("input/.essay.md.swp", "vim's swap file")]
    [InlineData("input/.essay.md.swo", "vim's second swap file")]
    [InlineData("input/glossary/.wto.md.swn", "vim's third swap file")]
    [InlineData("input/.essay.md.swx", "vim's probe for a swap file")]
    [InlineData("input/4913", "vim's write test")]
    [InlineData("input/essay.md~", "a backup (Emacs, gedit, kate, nano)")]
    [InlineData("input/.essay.md.un~", "vim's undo file")]
    [InlineData("input/.#essay.md", "Emacs's lock")]
    [InlineData("input/#essay.md#", "Emacs's auto-save")]
    [InlineData("input/annotations/note.md.tmp", "a file written before it replaces the real one")]
    [InlineData("input/annotations/NOTE.TMP", "the same in capitals")]
    [InlineData("input/.goutputstream-4HQZK2", "gedit's safe write")]
    [InlineData("input/essay.md.kate-swp", "Kate's swap file")]
    [InlineData("input/media/.DS_Store", "Finder's folder metadata")]
    [InlineData("input/essay.md___jb_tmp___", "JetBrains' safe write")]
    [InlineData("input/essay.md___jb_old___", "JetBrains' previous copy")]
    [InlineData("sedXyZ789", "a bare name, no folder")]
    public void Editors_scratch_files_are_recognised(string path, string what)
    {
        // Given the path of a file an editor writes while saving (what)
        // When it is classified
        // Then it is scratch
        Assert.True(EditorScratchFiles.IsScratch(path), what);
    }

    [Theory]
    [InlineData("input/essay.md", "the essay")]
    [InlineData("input/annotations/sedation.md", "a note whose id starts with 'sed'")]
    [InlineData("input/annotations/sedabc12.md", "sed's pattern with an extension is a name someone chose")]
    [InlineData("input/annotations/sed12345", "'sed' and five characters")]
    [InlineData("input/annotations/sed1234567", "'sed' and seven characters")]
    [InlineData("input/annotations/sed-1234", "'sed' with a character sed never uses")]
    [InlineData("input/annotations/Sedabcdef", "a capital S: sed's prefix is lowercase")]
    [InlineData("input/annotations/notes~draft.md", "a tilde inside the name, not at its end")]
    [InlineData("input/annotations/4913.md", "vim's number as a note id")]
    [InlineData("input/annotations/14913", "a longer number")]
    [InlineData("input/annotations/#hashtag.md", "a '#' at the start only")]
    [InlineData("input/annotations/#", "a lone '#'")]
    [InlineData("input/annotations/swp.md", "'swp' as a name, not an extension")]
    [InlineData("input/annotations/tmp.md", "'tmp' as a name")]
    [InlineData("input/.gitkeep", "a hidden file that is no editor's")]
    [InlineData("theme/assets/site.css", "the stylesheet")]
    [InlineData("input/media/chart.png", "an image")]
    public void Authors_files_are_not_scratch(string path, string what)
    {
        // Given the path of a file an author wrote (what)
        // When it is classified
        // Then it is not scratch
        Assert.False(EditorScratchFiles.IsScratch(path), what);
    }
}
