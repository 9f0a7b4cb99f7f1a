namespace Marginalia.Diagnostics;

internal enum Severity
{
    Error,
    Warning,
    Info,
}
