using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;

namespace Marginalia.Tests.Preview;

/// <summary>
/// The preview listens on loopback only and serves nothing but the output folder's files. Requests are written by
/// hand on a raw socket, so no client normalises "..", percent-escapes or backslashes away before the server sees them.
/// </summary>
public sealed class PreviewSecurityTests : IAsyncLifetime
{
    private const string Secret = "SECRET-beside-the-output-7f3a";
    private const string PasswdLine = "root:x:0:0";
    private const string NotFoundHeading = "<h1 id=\"page-title\">Page not found</h1>";

    private PreviewSite _site = null!;

    public async Task InitializeAsync()
    {
        _site = await PreviewSite.StartAsync();
        // A file beside the output folder (in the site's root) and one in a sibling folder whose name starts like it
        await File.WriteAllTextAsync(_site.PathOf("secret.txt"), Secret);
        Directory.CreateDirectory(_site.PathOf("output-private"));
        await File.WriteAllTextAsync(_site.PathOf("output-private/secret.txt"), Secret);
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    public static TheoryData<string> Escapes() =>
    [
        "/../secret.txt",
        "/../../../../../../../../etc/passwd",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%2fsecret.txt",
        "/..%2Fsecret.txt",
        "/.%2e/secret.txt",
        "/%2f..%2fsecret.txt",
        "/%2fetc%2fpasswd",
        "/%2Fetc%2Fpasswd",
        "//etc/passwd",
        "///etc/passwd",
        "/..\\secret.txt",
        "/about/..\\..\\secret.txt",
        "/%5c..%5csecret.txt",
        "/..%5Csecret.txt",
        "/about/../../secret.txt",
        "/about/%2e%2e/%2e%2e/secret.txt",
        "/assets/..%2f..%2fsecret.txt",
        "/../output-private/secret.txt",
        "/%2e%2e/output-private/secret.txt",
        "/%252e%252e/secret.txt",
        "/C:/Windows/win.ini",
        "http://127.0.0.1/../secret.txt",
        "http://127.0.0.1/%2e%2e/secret.txt",
        "http://127.0.0.1//etc/passwd",
    ];

    public static TheoryData<string> ReloadEndpointTricks() =>
    [
        "/__marginalia/../secret.txt",
        "/__marginalia/../../secret.txt",
        "/__marginalia/%2e%2e/%2e%2e/secret.txt",
        "/__marginalia/reload.js/../../secret.txt",
        "/__marginalia/reload.js/..%2f..%2fsecret.txt",
        "/__marginalia/reload.js%2f..%2f..%2fsecret.txt",
        "/__marginalia/events/../../secret.txt",
        "/__marginalia/events/%2e%2e/%2e%2e/secret.txt",
        "/__marginalia/events%2f..%2f..%2fsecret.txt",
        "/__marginalia/events/..\\..\\secret.txt",
        "/__marginalia//etc/passwd",
        "/__marginalia/%2Fetc%2Fpasswd",
        "/__marginalia/page?path=/../secret.txt",
        "/__marginalia/page?path=/%2e%2e/%2e%2e/secret.txt",
        "/__marginalia/page?path=/..%5Csecret.txt",
        "/__marginalia/page?path=//etc/passwd",
        "/__marginalia/page?path=/C:/Windows/win.ini",
    ];

    [Fact]
    public void The_server_is_bound_to_the_ipv4_loopback_address()
    {
        Assert.Equal("127.0.0.1", _site.Server.Address.Host);
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(_site.Server.Address.Host)));
        Assert.True(_site.Server.Address.Port > 0);
    }

    [Fact]
    public async Task The_server_is_not_reachable_through_any_non_loopback_address_of_this_machine()
    {
        // Given every address of this machine that is not loopback (there may be none), and IPv6 loopback
        var addresses = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses.Select(u => u.Address))
            .Where(a => !IPAddress.IsLoopback(a) && a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
            .Append(IPAddress.IPv6Loopback)
            .ToList();

        // When a client connects to the preview's port on each
        foreach (var address in addresses)
        {
            using var client = new TcpClient(address.AddressFamily);
            var refused = await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(address, _site.Server.Address.Port));

            // Then the connection is refused or the address is unreachable: nothing listens there
            Assert.Contains(refused.SocketErrorCode, new[] { SocketError.ConnectionRefused, SocketError.AddressNotAvailable, SocketError.NetworkUnreachable, SocketError.HostUnreachable });
        }

        // And the loopback address the server reports does answer
        var (status, _, _) = await GetAsync("/");
        Assert.Equal(200, status);
    }

    [Theory]
    [MemberData(nameof(Escapes))]
    public async Task A_path_that_tries_to_leave_the_output_folder_is_not_found_and_never_returns_the_file(string target)
    {
        // Given a secret file beside the output folder
        // When a request target tries to reach it (or /etc/passwd) by dot segments, escapes, backslashes or absolute paths
        var (status, _, body) = await GetAsync(target);

        // Then the answer is the site's 404 page, without the file's content
        Assert.Equal(404, status);
        Assert.Contains(NotFoundHeading, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(PasswdLine, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/secret.txt%00.html", 400)]
    [InlineData("/..%00/secret.txt", 400)]
    [InlineData("../secret.txt", 400)]
    [InlineData("secret.txt", 405)] // read as authority-form, which only CONNECT may use
    public async Task A_malformed_request_target_is_refused_by_the_server_and_never_returns_the_file(string target, int expected)
    {
        // Kestrel itself rejects these (a NUL byte, a target without a leading slash) before the handler runs
        var (status, _, body) = await GetAsync(target);

        Assert.Equal(expected, status);
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReloadEndpointTricks))]
    public async Task The_reload_endpoints_cannot_be_used_to_read_files(string target)
    {
        var (status, _, body) = await GetAsync(target);

        Assert.Equal(404, status);
        Assert.Contains(NotFoundHeading, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(PasswdLine, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reload_script_ignores_a_query_naming_a_file()
    {
        var (status, headers, body) = await GetAsync("/__marginalia/reload.js?file=../secret.txt");

        Assert.Equal(200, status);
        Assert.Contains("content-type: text/javascript; charset=utf-8", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("new EventSource(\"/__marginalia/events\" + (query.length ? \"?\" + query.join(\"&\") : \"\"))", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_event_stream_ignores_a_query_naming_a_file()
    {
        // HEAD: the stream's headers without the never-ending body
        var (status, headers, body) = await GetAsync("/__marginalia/events?file=../secret.txt", "HEAD");

        Assert.Equal(200, status);
        Assert.Contains("content-type: text/event-stream", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", body);
    }

    [Fact]
    public async Task A_folder_without_an_index_page_is_not_found_rather_than_listed()
    {
        // Given assets/ holds files but no index.html
        Assert.False(File.Exists(_site.PathOf("output/assets/index.html")));
        var assetNames = Directory.GetFiles(_site.PathOf("output/assets")).Select(Path.GetFileName).ToList();
        Assert.NotEmpty(assetNames);

        // When the folder itself is asked for
        var (status, _, body) = await GetAsync("/assets/");
        var (_, _, notFoundPage) = await GetAsync("/no-such-page/");

        // Then it is the 404 page, byte for byte the one any unknown address gets, with no listing of the files
        Assert.Equal(404, status);
        Assert.Equal(notFoundPage, body);
        Assert.DoesNotContain("Index of", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_folder_asked_for_without_a_slash_redirects_and_is_then_not_found()
    {
        var (status, headers, _) = await GetAsync("/assets");
        var (then, _, _) = await GetAsync("/assets/");

        Assert.Equal(302, status);
        Assert.Contains("location: /assets/", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(404, then);
    }

    public static TheoryData<string> FolderTargets() =>
    [
        "//about",
        "///about",
        "////about",
        "//about?x=1",
        "//assets",
        "/about//",
        "//initiatives//bhashini",
    ];

    [Theory]
    [MemberData(nameof(FolderTargets))]
    public async Task A_folder_redirect_stays_on_this_origin_however_many_slashes_the_request_had(string target)
    {
        var (status, headers, _) = await GetAsync(target);

        // A redirect, if any, goes to a path with a single leading slash: never "//host" or "/\\host"
        if (status == 302)
        {
            var location = headers.Split("\r\n").Single(l => l.StartsWith("location:", StringComparison.OrdinalIgnoreCase))["location:".Length..].Trim();
            Assert.StartsWith("/", location, StringComparison.Ordinal);
            Assert.False(location.Length > 1 && location[1] is '/' or '\\', $"{target} redirected to {location}");
            Assert.DoesNotContain("//", location.Split('?')[0], StringComparison.Ordinal);
            Assert.EndsWith("/", location.Split('?')[0], StringComparison.Ordinal);
        }
        else
        {
            Assert.True(status is 200 or 404, $"{target} answered {status}");
        }
    }

    [Theory]
    [InlineData("//about", "/about/")]
    [InlineData("///about", "/about/")]
    [InlineData("//about?x=1", "/about/?x=1")]
    [InlineData("//initiatives//bhashini", "/initiatives/bhashini/")]
    [InlineData("/about", "/about/")]
    public async Task A_folder_asked_for_with_doubled_slashes_redirects_to_its_single_slash_address(string target, string expected)
    {
        var (status, headers, _) = await GetAsync(target);

        Assert.Equal(302, status);
        Assert.Contains($"location: {expected}\r\n", headers + "\r\n", StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/\\about")]
    [InlineData("/\\/about")]
    [InlineData("/%2F/about")]
    [InlineData("/%2f%2fabout")]
    [InlineData("/%5C/about")]
    [InlineData("/%5c%5cabout")]
    [InlineData("/%2F%2Fevil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    public async Task An_encoded_or_backslashed_path_is_not_redirected_off_the_origin(string target)
    {
        var (status, headers, _) = await GetAsync(target);

        Assert.Equal(404, status);
        Assert.DoesNotContain("location:", headers, StringComparison.OrdinalIgnoreCase);
    }

    public static TheoryData<string> HostileHosts() =>
    [
        "Host: evil.example\r\n",
        "Host: evil.example:{port}\r\n",
        "Host: 127.0.0.1.evil.example:{port}\r\n",
        "Host: localhost.evil.example:{port}\r\n",
        "Host: localhost.:{port}\r\n",
        "Host: localhost:{other}\r\n",
        "Host: 127.0.0.1:{other}\r\n",
        "Host: 127.0.0.1\r\n",
        "Host: localhost\r\n",
        "Host: [::1]\r\n",
        "Host: 127.1:{port}\r\n",
        "Host: 2130706433:{port}\r\n",
        "Host: 0.0.0.0:{port}\r\n",
        "Host: [::ffff:127.0.0.1]:{port}\r\n",
        "Host: \r\n",
        "",
    ];

    public static TheoryData<string> PreviewPaths() => ["/", "/about/", "/assets/", "/no-such-page", "/__marginalia/reload.js", "/__marginalia/events", "/essay.txt", "/about"];

    [Theory]
    [MemberData(nameof(HostileHosts))]
    public async Task A_request_for_another_host_is_refused_on_every_path(string hostLine)
    {
        var port = _site.Server.Address.Port;
        hostLine = hostLine.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{other}", (port == 65535 ? 1 : port + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        foreach (var path in PreviewPaths())
        {
            var (status, headers, body) = await GetAsync(path, "GET", hostLine);

            Assert.True(status is 421 or 400, $"{path} with '{hostLine.Trim()}' answered {status}");
            Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("EventSource", body, StringComparison.Ordinal);
            Assert.DoesNotContain("text/event-stream", headers, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("location:", headers, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("localhost:{port}")]
    [InlineData("LOCALHOST:{port}")]
    [InlineData("LocalHost:{port}")]
    [InlineData("[::1]:{port}")]
    public async Task The_preview_answers_its_own_loopback_names_on_its_own_port(string host)
    {
        var hostLine = $"Host: {host.Replace("{port}", _site.Server.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)}\r\n";

        var (page, _, body) = await GetAsync("/", "GET", hostLine);
        var (script, _, _) = await GetAsync("/__marginalia/reload.js", "GET", hostLine);
        var (events, headers, _) = await GetAsync("/__marginalia/events", "HEAD", hostLine);

        Assert.Equal((200, 200, 200), (page, script, events));
        Assert.Contains("/__marginalia/reload.js", body, StringComparison.Ordinal);
        Assert.Contains("content-type: text/event-stream", headers, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Sends one request with the target exactly as given and returns the status, the header block and the body.</summary>
    /// <param name="hostLine">The Host header line (the preview's own address by default); "" sends none, over HTTP/1.0, which allows that.</param>
    private async Task<(int Status, string Headers, string Body)> GetAsync(string target, string method = "GET", string? hostLine = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _site.Server.Address.Port);
        var stream = client.GetStream();
        hostLine ??= $"Host: 127.0.0.1:{_site.Server.Address.Port}\r\n";
        // An absolute-form target names the authority itself, which must agree with Host: the preview's own, with its port
        target = target.Replace("http://127.0.0.1/", $"http://127.0.0.1:{_site.Server.Address.Port}/", StringComparison.Ordinal);
        var version = hostLine.Length == 0 ? "HTTP/1.0" : "HTTP/1.1";
        var request = Encoding.UTF8.GetBytes($"{method} {target} {version}\r\n{hostLine}Connection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        var response = Encoding.UTF8.GetString(buffer.ToArray());
        var split = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, $"no complete response to {target}: {response}");
        var head = response[..split];
        var status = int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, head, response[(split + 4)..]);
    }
}
