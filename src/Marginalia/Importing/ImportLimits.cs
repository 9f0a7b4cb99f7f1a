namespace Marginalia.Importing;

/// <summary>
/// The stated limits of an import file. The file is untrusted (another tool's export, or anyone's), so each limit
/// bounds the work and memory one file can ask for; each is far above what a real export needs.
/// </summary>
internal static class ImportLimits
{
    /// <summary>The largest file read, in bytes (16 MiB): the 1× corpus's export of 2,000 notes is about 6 MB.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>How deeply arrays and objects may nest. Our export nests 6 deep, a Hypothesis row 5.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most annotations one file may hold: ten times the 1× corpus.</summary>
    public const int MaxAnnotations = 20_000;

    /// <summary>
    /// The most pages one collection may have. Each page is embedded in the one before it ("next"), so today the depth
    /// limit stops a chain first (at about 60 pages); this limit stays in case pages are ever also read from elsewhere.
    /// </summary>
    public const int MaxPages = 1_000;

    /// <summary>The longest string value read, in UTF-16 characters (1 MiB); a note body is limited far below that.</summary>
    public const int MaxStringLength = 1024 * 1024;

    /// <summary>
    /// How many JSON values the position index records (<see cref="JsonPositions"/>). A value past it is located at
    /// its nearest recorded container; 2,000 exported notes need about 60,000.
    /// </summary>
    public const int MaxRecordedPositions = 400_000;

    /// <summary>How many problems one file reports before the rest are summed up in one line.</summary>
    public const int MaxProblems = 1_000;
}
