using Marginalia.Site;

namespace Marginalia.Cli;

/// <summary>Runs the preview server until Ctrl+C.</summary>
public sealed class PreviewCommand(CliConsoles consoles, bool quiet, bool verbose)
{
    public Task<int> RunAsync(BuildOptions options, int port, CancellationToken token)
    {
        _ = (consoles, quiet, verbose, options, port, token);
        throw new NotImplementedException();
    }
}
