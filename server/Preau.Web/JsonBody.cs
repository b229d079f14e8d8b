using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Preau.Web;

/// <summary>Reads a small JSON request body, bounded, with French errors instead of exceptions.</summary>
public static class JsonBody
{
    /// <summary>The default bound: an API command is a few hundred bytes.</summary>
    public const int DefaultMaxBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The body as <typeparamref name="T"/>, or the 400/413 answer to return.</summary>
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, int maxBytes = DefaultMaxBytes)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return (null, ApiResults.Error(StatusCodes.Status413PayloadTooLarge, $"Requête trop grande : au plus {maxBytes} octets."));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, ApiResults.Error(StatusCodes.Status413PayloadTooLarge, $"Requête trop grande : au plus {maxBytes} octets."));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var value = buffer.Length == 0 ? null : JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Options);
            return value is null ? (null, ApiResults.BadRequest("Corps JSON attendu.")) : (value, null);
        }
        catch (JsonException)
        {
            return (null, ApiResults.BadRequest("Corps JSON invalide."));
        }
    }
}
