namespace Marginalia.Cli;

/// <summary>What the command's exit code means (scripts and CI depend on these).</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int InputErrors = 1;
    public const int BadUsage = 2;
}
