using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Preau.Core.Accounts;
using Preau.Plugins.Graph;
using Preau.Plugins.Http;
using Preau.Plugins.Rights;

namespace Preau.PluginHost.Http;

/// <summary>The host's <see cref="PluginRequest"/>: JSON goes through the plugin's own serializer options.</summary>
internal sealed class HostPluginRequest(
    HttpContext http,
    Account? account,
    IReadOnlyDictionary<string, string> values,
    JsonSerializerOptions json,
    Func<Account, string, RightCheck> check) : PluginRequest
{
    private const int MaxJsonBody = 1024 * 1024;
    private AccountRecord? _caller;

    public override HttpContext HttpContext => http;

    public override AccountRecord? Caller => account is null ? null : _caller ??= Services.GraphMapping.ToRecord(account);

    public override IReadOnlyDictionary<string, string> RouteValues => values;

    public override RightCheck CheckRight(string right) =>
        account is null ? new RightCheck(false, right, "Connexion requise.") : check(account, right);

    public override async Task<T?> ReadJsonAsync<T>(CancellationToken cancellationToken = default)
        where T : default
    {
        if (http.Request.ContentLength > MaxJsonBody)
        {
            throw new BadHttpRequestException("Le corps de la requête dépasse 1 Mio.", StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxJsonBody)
            {
                throw new BadHttpRequestException("Le corps de la requête dépasse 1 Mio.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), json);
        }
        catch (JsonException ex)
        {
            throw new BadHttpRequestException($"JSON invalide : {ex.Message}", StatusCodes.Status400BadRequest, ex);
        }
    }

    public override async Task WriteJsonAsync<T>(T value, int statusCode = StatusCodes.Status200OK)
    {
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(http.Response.Body, value, json, http.RequestAborted);
    }

    public override Task WriteErrorAsync(int statusCode, string message) =>
        WriteJsonAsync(new Dictionary<string, string> { ["error"] = message }, statusCode);
}
