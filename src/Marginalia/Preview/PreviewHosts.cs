using System.Globalization;

namespace Marginalia.Preview;

/// <summary>
/// The Host headers the preview answers: its own loopback addresses with the port it listens on. A page on another
/// site can make the browser resolve its own name to 127.0.0.1 (DNS rebinding) and then read the preview as if it
/// were same-origin; its requests carry that other name as Host, so they are refused before anything is served.
/// </summary>
internal static class PreviewHosts
{
    private static readonly string[] Names = ["127.0.0.1", "localhost", "[::1]"];

    /// <param name="host">The request's Host header as sent (empty when missing).</param>
    /// <param name="port">The port the request arrived on.</param>
    public static bool IsAllowed(string? host, int port)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        var suffix = ":" + port.ToString(CultureInfo.InvariantCulture);
        foreach (var name in Names)
        {
            // Host names compare without case (LOCALHOST is localhost); anything else must match exactly: no trailing
            // dot, no other port, no user info, no "127.0.0.1.evil.example".
            if (string.Equals(host, name + suffix, StringComparison.OrdinalIgnoreCase) || (port == 80 && string.Equals(host, name, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
