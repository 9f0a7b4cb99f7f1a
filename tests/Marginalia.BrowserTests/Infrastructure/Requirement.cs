using Xunit;

namespace Marginalia.BrowserTests.Infrastructure;

/// <summary>
/// Decides what a missing external tool means for a test: a developer without it gets a skip that says how to
/// get it, but CI must never report green over checks that did not run.
/// </summary>
internal static class Requirement
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <param name="isMissing">True when the tool cannot be used.</param>
    /// <param name="ciMessage">Why the test fails in CI.</param>
    /// <param name="localMessage">Why the test skips locally, and how to get the tool.</param>
    public static void Require(bool isMissing, string ciMessage, string localMessage)
    {
        if (!isMissing)
        {
            return;
        }

        if (IsCi)
        {
            Assert.Fail(ciMessage);
        }

        Skip.If(true, localMessage);
    }
}
