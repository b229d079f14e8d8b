using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Preau.IntegrationTests.Infrastructure;

namespace Preau.IntegrationTests.Annuaire;

/// <summary>Calls to the directory plugin's API, answers read as JSON.</summary>
internal static class AnnuaireHttp
{
    public const string Plugin = "Preau.Plugins.Directory";

    public const string Api = "/api/plugins/" + Plugin;

    /// <summary>One answer: its status, its JSON (null when the body is not JSON) and its text.</summary>
    public sealed record Reply(HttpStatusCode Status, JsonElement Json, string Body, HttpResponseMessage Response)
    {
        public string? Error => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("error", out var e) ? e.GetString() : null;

        public string? Right => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("right", out var r) ? r.GetString() : null;
    }

    public static string IdOf(TestServer server, string login) => server.Runtime.Directory.Graph.FindByLogin(login)!.Id;

    public static async Task<Reply> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, $"{Api}/{path}");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonElement json = default;
        if (response.Content.Headers.ContentType?.MediaType == "application/json" && text.Length > 0)
        {
            json = JsonDocument.Parse(text).RootElement.Clone();
        }

        return new Reply(response.StatusCode, json, text, response);
    }

    /// <summary>An answer that must have <paramref name="expected"/> as status.</summary>
    public static async Task<Reply> ExpectAsync(HttpClient client, HttpStatusCode expected, HttpMethod method, string path, object? body = null)
    {
        var reply = await SendAsync(client, method, path, body);
        Assert.That(reply.Status, Is.EqualTo(expected), $"{method} {path}: {reply.Body}");
        return reply;
    }

    /// <summary>The card of <paramref name="id"/> as <paramref name="client"/> sees it.</summary>
    public static async Task<JsonElement> CardAsync(HttpClient client, string id) =>
        (await ExpectAsync(client, HttpStatusCode.OK, HttpMethod.Get, $"people/{id}")).Json;

    public static string[] Actions(JsonElement card) =>
        [.. card.GetProperty("actions").EnumerateArray().Select(a => a.GetString()!)];
}
