using System.ComponentModel;
using System.Diagnostics;

namespace Marginalia.Cli;

/// <summary>Reads the contributor's GitHub handle from <c>git config github.user</c>, if git is there and it is set.</summary>
internal static class GitConfig
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static string? GitHubUser()
    {
        var start = new ProcessStartInfo("git", ["config", "--get", "github.user"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEndAsync();
            _ = git.StandardError.ReadToEndAsync();
            if (!git.WaitForExit(Timeout))
            {
                git.Kill(entireProcessTree: true);
                return null;
            }

            var user = output.GetAwaiter().GetResult().Trim();
            return git.ExitCode == 0 && user.Length > 0 ? user : null;
        }
        catch (Win32Exception)
        {
            return null; // no git on the PATH
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
