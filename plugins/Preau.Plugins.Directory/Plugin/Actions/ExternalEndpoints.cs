using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Preau.Plugins.Audit;
using Preau.Plugins.Http;

namespace Preau.Plugins.Directory.Plugin.Actions;

/// <summary><c>GET external-services</c> (the catalogue) and <c>PUT people/{id}/external</c> (an
/// account's identifiers in them), right <c>annuaire.modify</c>. A value is trimmed; null or empty
/// removes the identifier; keys not sent are unchanged.</summary>
public sealed class ExternalEndpoints(ActionRunner runner, ExternalIdStore externals, IAuditTrail audit, TimeProvider time) : IPluginEndpoints
{
    /// <inheritdoc />
    public void Map(IPluginRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet("external-services", request =>
            request.WriteJsonAsync(ExternalServices.Catalogue.Select(s => new { key = s.Key, label = s.Label })))
            .RequireRight(AnnuaireService.Modify);
        routes.MapPut("people/{id}/external", PutAsync).RequireRight(AnnuaireService.Modify);
    }

    private async Task PutAsync(PluginRequest request)
    {
        var body = await request.ReadJsonAsync<JsonElement>(request.HttpContext.RequestAborted);
        if (Parse(body, out var error) is not { } values)
        {
            await request.WriteErrorAsync(StatusCodes.Status400BadRequest, error);
            return;
        }

        await runner.RunAsync(request, rules => rules.CanModify(), scope =>
        {
            var person = scope.Person;
            var current = externals.Get(person.Id);
            var next = new Dictionary<string, string>(current, StringComparer.Ordinal);
            var changes = new List<string>();
            foreach (var (key, value) in values)
            {
                if (value is null)
                {
                    if (next.Remove(key))
                    {
                        changes.Add($"{key} retiré");
                    }

                    continue;
                }

                if (externals.HolderOf(key, value, person.Id) is not null)
                {
                    return new ActionDecision(false, StatusCodes.Status409Conflict,
                        $"{ExternalServices.Find(key)!.Label} « {value} » est déjà attribué à un autre compte.");
                }

                if (!string.Equals(current.GetValueOrDefault(key), value, StringComparison.Ordinal))
                {
                    next[key] = value;
                    changes.Add($"{key} défini");
                }
            }

            if (changes.Count > 0)
            {
                externals.Put(person.Id, next, time.GetUtcNow(), scope.CallerAccount.Login);
                audit.Record(scope.CallerAccount.Id, "annuaire.external", $"{person.Login} : identifiants de services extérieurs ({string.Join(", ", changes)})");
            }

            return null;
        });
    }

    /// <summary><c>{ "values": { key: string|null } }</c> → key → trimmed value, or null to remove.</summary>
    private static Dictionary<string, string?>? Parse(JsonElement body, out string error)
    {
        error = "";
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            error = "Envoyez { \"values\": { \"<service>\": \"identifiant\" ou null } }.";
            return null;
        }

        var parsed = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in values.EnumerateObject())
        {
            if (ExternalServices.Find(property.Name) is not { } service)
            {
                error = $"Service inconnu « {property.Name} » (services : {string.Join(", ", ExternalServices.Catalogue.Select(s => s.Key))}).";
                return null;
            }

            if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                error = $"{service.Label} : un texte, ou null pour le retirer.";
                return null;
            }

            var value = property.Value.GetString()?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                parsed[service.Key] = null;
                continue;
            }

            if (ExternalServices.Problem(service, value) is { } problem)
            {
                error = problem;
                return null;
            }

            parsed[service.Key] = value;
        }

        return parsed;
    }
}
