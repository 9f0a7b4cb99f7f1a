namespace Marginalia.Pipeline;

/// <summary>
/// The files editors and tools write beside the file being edited while they save it: swap files, backups, locks,
/// write tests, half-written copies. They are no one's content. The preview's watcher does not rebuild for them,
/// and the contributions folders do not fail a build that happens to run while one exists (a build that runs while
/// <c>sed -i</c> or vim is saving would otherwise fail on a file that is gone a moment later).
/// </summary>
internal static class EditorScratchFiles
{
    // Whole names: vim's write test and the folder metadata macOS's Finder leaves everywhere.
    private static readonly string[] Names = ["4913", ".DS_Store"];

    private static readonly string[] Prefixes =
    [
        ".#",                 // Emacs's lock, a symbolic link named after the file being edited
        ".goutputstream-",    // GLib's safe-write copy (gedit and other GNOME editors)
    ];

    private static readonly string[] Suffixes =
    [
        "~",                  // Emacs, gedit, kate and nano backups
        ".swp", ".swo", ".swn", // vim's swap file, and the next names it takes when one is already there
        ".swx",               // vim's probe that the folder takes a swap file
        ".kate-swp",          // Kate's swap file
        ".tmp",               // the usual name of a file written before it replaces the real one
        "___jb_tmp___", "___jb_old___", // JetBrains' safe write
    ];

    private static readonly System.Buffers.SearchValues<char> AsciiLettersAndDigits =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    private const string SedPrefix = "sed";
    private const int SedRandomLength = 6;

    /// <summary>Whether a file name (or path: its last part counts) is an editor's scratch file.</summary>
    public static bool IsScratch(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        return Names.Contains(name, StringComparer.Ordinal)
            || Prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))
            || Suffixes.Any(suffix => name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            || IsEmacsAutosave(name)
            || IsSedTemporary(name);
    }

    /// <summary>Emacs's auto-save file: the name between two '#' (<c>#essay.md#</c>).</summary>
    private static bool IsEmacsAutosave(string name) => name.Length > 2 && name[0] == '#' && name[^1] == '#';

    /// <summary>
    /// GNU sed's <c>-i</c> writes the new text to <c>sedXXXXXX</c> (six random letters and digits, no extension) and
    /// then renames it over the file. A real name such as <c>sedation.md</c> has an extension, so it never matches.
    /// </summary>
    private static bool IsSedTemporary(string name) =>
        name.Length == SedPrefix.Length + SedRandomLength
        && name.StartsWith(SedPrefix, StringComparison.Ordinal)
        && name.AsSpan(SedPrefix.Length).ContainsAnyExcept(AsciiLettersAndDigits) is false;
}
