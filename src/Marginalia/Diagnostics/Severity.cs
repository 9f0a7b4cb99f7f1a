namespace Marginalia.Diagnostics;

public enum Severity
{
    Error,
    Warning,
    Info,
}
