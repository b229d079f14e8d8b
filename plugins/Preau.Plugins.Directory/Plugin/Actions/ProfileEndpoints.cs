using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Preau.Plugins.Audit;
using Preau.Plugins.Graph;
using Preau.Plugins.Http;

namespace Preau.Plugins.Directory.Plugin.Actions;

/// <summary><c>PATCH people/{id}</c> (right <c>annuaire.modify</c>): names, display name and function.
/// On an account a feed manages, a value set here is kept over the feed's at the next SIECLE or STSweb
/// import (the plan keeps it and warns where the files differ) until it is cleared with null.</summary>
public sealed class ProfileEndpoints(ActionRunner runner, AccountWriter accounts, ManualFieldStore manual, IAuditTrail audit, TimeProvider time) : IPluginEndpoints
{
    /// <inheritdoc />
    public void Map(IPluginRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Map("PATCH", "people/{id}", ModifyAsync).RequireRight(AnnuaireService.Modify);
    }

    private async Task ModifyAsync(PluginRequest request)
    {
        var body = await request.ReadJsonAsync<JsonElement>(request.HttpContext.RequestAborted);
        if (ProfileEdit.Parse(body, out var error) is not { } edit)
        {
            await request.WriteErrorAsync(StatusCodes.Status400BadRequest, error);
            return;
        }

        await runner.RunAsync(request, rules => rules.CanModify(), scope =>
        {
            var person = scope.Person;
            var change = ProfileChange.Plan(person, manual.Get(person.Id), edit, scope.IsSelf, out var refused);
            if (refused is not null)
            {
                return refused;
            }

            var by = scope.CallerAccount.Login;
            if (change.Changes.Count > 0)
            {
                accounts.Write(change.After, $"annuaire : fiche de {person.Login} modifiée par {by}");
                audit.Record(scope.CallerAccount.Id, "annuaire.modify", $"{person.Login} : {string.Join(" ; ", change.Changes)}");
            }

            // Only an account a feed manages (an external id, not an ENT administrator) has values to
            // keep over the feed's; the others are simply written.
            var fed = person.ExternalId is not null && person.Profile != AccountProfile.AdministrateurEnt;
            var kept = fed ? change.Manual : [];
            var stored = manual.Get(person.Id)?.Values ?? [];
            if (stored.Count != kept.Count || stored.Any(p => kept.GetValueOrDefault(p.Key) != p.Value))
            {
                manual.Put(person.Id, new ManualFieldsDocument(kept, fed ? change.Before : [], time.GetUtcNow(), by));
            }

            return null;
        });
    }
}
