namespace Marginalia.Diagnostics;

/// <summary>One problem found in the input, with its place and, where we can tell, a hint to fix it.</summary>
/// <remarks>
/// The path, message and hint echo the input (file names, quotes, mentions), so they are held with every hidden
/// character made visible (<see cref="VisibleText"/>): no output format can then carry a terminal escape, a fake line
/// or a bidirectional override to whoever reads it.
/// </remarks>
internal sealed record Diagnostic(Severity Severity, DiagnosticCode Code, SourceLocation Location, string Message, string? Hint = null)
{
    private readonly SourceLocation _location = Visible(Location);
    private readonly string _message = VisibleText.Escape(Message);
    private readonly string? _hint = Hint is null ? null : VisibleText.Escape(Hint);

    public SourceLocation Location { get => _location; init => _location = Visible(value); }

    public string Message { get => _message; init => _message = VisibleText.Escape(value); }

    public string? Hint { get => _hint; init => _hint = value is null ? null : VisibleText.Escape(value); }

    public bool IsError => Severity == Severity.Error;

    public static Diagnostic Error(DiagnosticCode code, SourceLocation location, string message, string? hint = null) =>
        new(Severity.Error, code, location, message, hint);

    public static Diagnostic Warning(DiagnosticCode code, SourceLocation location, string message, string? hint = null) =>
        new(Severity.Warning, code, location, message, hint);

    public string SeverityName => Severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The compiler-style line every editor and CI log understands: <c>path:line:col: error MG0101: message</c>.</summary>
    public override string ToString() => $"{Location}: {SeverityName} {Code.Id}: {Message}";

    private static SourceLocation Visible(SourceLocation location) => location.Path is null ? location : location with { Path = VisibleText.Escape(location.Path) };
}
