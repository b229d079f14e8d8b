using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Preau.Plugins.Accounts;
using Preau.Plugins.Graph;
using Preau.Plugins.Http;

namespace Preau.Plugins.Directory.Plugin.Activation;

/// <summary><c>POST activate</c>, anonymous (no session, hence no CSRF token): <c>{login, code,
/// password}</c> → the code is checked against its stored hash (constant time), the password against
/// the server's policy, then the account gets that password and becomes Active, and the code is
/// forgotten. An unknown login and a wrong code get the same answer; both count toward the
/// <see cref="ActivationThrottle"/> (per login and per client address), past which the answer is 429
/// with <c>Retry-After</c>. A suspended or departed account cannot be activated. A 400 names the
/// field to correct (<c>field</c>: <c>code</c> or <c>password</c>) when there is one.</summary>
public sealed class ActivationEndpoints(IGraphReader graph, ActivationCodeStore codes, IAccountCredentials credentials, ActivationThrottle throttle) : IPluginEndpoints
{
    /// <summary>The answer to an unknown login or a wrong code.</summary>
    public const string WrongCode = "Identifiant ou code d'activation incorrect.";

    /// <inheritdoc />
    public void Map(IPluginRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapPost("activate", ActivateAsync).AllowAnonymous();
    }

    private async Task ActivateAsync(PluginRequest request)
    {
        var body = await request.ReadJsonAsync<JsonElement>(request.HttpContext.RequestAborted);
        if (Text(body, "login", 320) is not { } login || Text(body, "code", 64) is not { } code || Text(body, "password", 1024, trim: false) is not { } password)
        {
            await request.WriteErrorAsync(StatusCodes.Status400BadRequest, "Indiquez votre identifiant, votre code d'activation et le mot de passe choisi.");
            return;
        }

        // One throttle key per login, whether typed as a login or as an address of this domain.
        login = login.ToLowerInvariant();
        var suffix = "@" + graph.Domain.ToLowerInvariant();
        if (login.EndsWith(suffix, StringComparison.Ordinal))
        {
            login = login[..^suffix.Length];
        }

        var address = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "inconnue";
        if (throttle.RetryAfter(login, address) is { } wait && wait > TimeSpan.Zero)
        {
            await TooManyAsync(request, wait);
            return;
        }

        var account = Find(login);
        if (!codes.Verify(account?.Id, code))
        {
            throttle.Failed(login, address);
            await FieldErrorAsync(request, WrongCode, "code");
            return;
        }

        // The code is right: from here on the answers may tell the account's state.
        throttle.Succeeded(login);
        if (account!.Status is AccountStatus.Suspended or AccountStatus.Left)
        {
            await request.WriteErrorAsync(StatusCodes.Status403Forbidden,
                "Ce compte est suspendu ou a quitté l'établissement : il ne peut pas être activé. Adressez-vous à l'établissement.");
            return;
        }

        try
        {
            var activated = credentials.SetInitialPassword(account.Id, password);
            codes.Consume(account.Id);
            await request.WriteJsonAsync(new { login = activated.Login, address = graph.AddressOf(activated) });
        }
        catch (AccountCredentialsException ex) when (ex.Problem == CredentialsProblem.WeakPassword)
        {
            await FieldErrorAsync(request, ex.Message, "password");
        }
        catch (AccountCredentialsException ex) when (ex.Problem == CredentialsProblem.AlreadyHasPassword)
        {
            codes.Consume(account.Id);
            await request.WriteErrorAsync(StatusCodes.Status409Conflict, "Ce compte est déjà activé : connectez-vous avec votre mot de passe.");
        }
        catch (AccountCredentialsException ex) when (ex.Problem == CredentialsProblem.NotActivatable)
        {
            await request.WriteErrorAsync(StatusCodes.Status403Forbidden, ex.Message);
        }
    }

    /// <summary>The account of a login (never by id, nor by an address of another domain).</summary>
    private AccountRecord? Find(string login) =>
        login.Length > 0 && !login.Contains('@', StringComparison.Ordinal)
        && graph.FindAccount($"{login}@{graph.Domain}") is { } account && account.Login == login
            ? account
            : null;

    /// <summary>400 <c>{error, field}</c>: <c>field</c> names what to correct (<c>code</c> for a wrong
    /// login or code, <c>password</c> for the policy's refusal), so a form can point at it.</summary>
    private static Task FieldErrorAsync(PluginRequest request, string message, string field) =>
        request.WriteJsonAsync(new Dictionary<string, string> { ["error"] = message, ["field"] = field }, StatusCodes.Status400BadRequest);

    private static async Task TooManyAsync(PluginRequest request, TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        var minutes = (seconds + 59) / 60;
        request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await request.WriteJsonAsync(
            new Dictionary<string, object>
            {
                ["error"] = $"Trop d'essais : réessayez dans {minutes} minute{(minutes > 1 ? "s" : "")}.",
                ["retryAfter"] = seconds,
            },
            StatusCodes.Status429TooManyRequests);
    }

    private static string? Text(JsonElement body, string name, int max, bool trim = true) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && (trim ? value.GetString()!.Trim() : value.GetString()!) is { Length: > 0 } text && text.Length <= max
            ? text
            : null;
}
