using Microsoft.Extensions.Hosting;

namespace Marginalia.Preview;

/// <summary>
/// A host lifetime that hooks no signals. The default one handles Ctrl+C itself and prints to the console; the
/// preview is stopped by its owner instead (the command's cancellation token, or a test disposing it).
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
