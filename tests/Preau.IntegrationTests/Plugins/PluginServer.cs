using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Plugins;

/// <summary>Test plugins for a real server: a plugins folder with copies of them, and an HTTP client
/// signed in through <c>/api/session</c> (cookie and CSRF header).</summary>
internal static class PluginServer
{
    public const string Echo = "Preau.TestPlugins.Echo";
    public const string EchoV2Folder = "Preau.TestPlugins.Echo.v2";

    /// <summary>The packaged folder of a test plugin (copied beside the tests by the build).</summary>
    public static string Source(string folder) => Path.Combine(AppContext.BaseDirectory, "TestPlugins", folder);

    /// <summary>Starts a server whose plugins folder holds <paramref name="plugins"/>.</summary>
    public static Task<TestServer> StartAsync(string[] plugins, Action<Dictionary<string, string?>>? configure = null) =>
        TestServer.StartAsync(settings =>
        {
            var directory = Path.Combine(settings["Storage:DataDirectory"]!, "..", Path.GetFileName(settings["Storage:DataDirectory"]!) + "-plugins");
            settings["Plugins:Directory"] = Path.GetFullPath(directory);
            foreach (var plugin in plugins)
            {
                Copy(Source(plugin), Path.Combine(directory, plugin));
            }

            configure?.Invoke(settings);
        });

    /// <summary>An HTTP client signed in as <paramref name="login"/>, sending the CSRF header.</summary>
    public static async Task<HttpClient> SignInAsync(TestServer server, string login)
    {
        var client = Anonymous(server);
        using var response = await client.PostAsJsonAsync("/api/session", new { login, password = TestServer.Password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Add("X-CSRF-Token", json.RootElement.GetProperty("csrfToken").GetString());
        return client;
    }

    /// <summary>A client with a cookie jar and no session.</summary>
    public static HttpClient Anonymous(TestServer server) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true }, disposeHandler: true)
        {
            BaseAddress = new Uri($"http://127.0.0.1:{server.WebPort}"),
        };

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
