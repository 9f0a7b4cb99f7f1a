using System.Runtime.CompilerServices;

namespace Marginalia.Tests;

/// <summary>
/// Starts the test process as the CLI starts: the library's own start-up (its module initializer, which registers
/// Text/DeferredCodePages) runs before any test, so a test that calls AngleSharp first sees what a build sees.
/// </summary>
internal static class TestProcessStart
{
#pragma warning disable CA2255 // A test assembly, which nothing references.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void LikeTheCli() => RuntimeHelpers.RunModuleConstructor(typeof(Marginalia.Text.DeferredCodePages).Module.ModuleHandle);
}
