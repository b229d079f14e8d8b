using System.Net;
using Preau.Core.Accounts;
using Preau.IntegrationTests.Plugins;
using static Preau.IntegrationTests.Annuaire.AnnuaireHttp;

namespace Preau.IntegrationTests.Annuaire;

/// <summary>A value an administrator sets on a card is kept over the feed's at the next import (which
/// says so), until it is given back to the feed.</summary>
public class DirectoryManualValuesTests
{
    [Test]
    public async Task ManualFirstName_SurvivesTheReimport_WithAWarning_UntilClearedThenTheFeedWins()
    {
        await using var server = await PluginServer.StartAsync([Plugin]);
        var school = ImportedSchool.Import(server);
        var pupil = school.Snapshot.Pupils.First(p => p.ClassCode is not null);
        var account = server.Runtime.Directory.Graph.Data.Accounts.Single(a => a.ExternalId == pupil.ExternalId);
        using var admin = await PluginServer.SignInAsync(server, "admin");

        var card = (await ExpectAsync(admin, HttpStatusCode.OK, HttpMethod.Patch, $"people/{account.Id}", new { firstName = "Jo" })).Json;
        Assert.That(card.GetProperty("valeursManuelles").EnumerateArray().Select(v => v.GetString()), Is.EqualTo(new[] { "firstName" }));

        var report = school.Reimport(server);

        Assert.That(report, Does.Contain("saisies dans l'annuaire").And.Contain($"{account.Login} (prénom « Jo », fichiers « {pupil.FirstName} »)"));
        var kept = server.Runtime.Directory.Find(account.Login)!;
        Assert.That((kept.FirstName, kept.DisplayName), Is.EqualTo(("Jo", $"Jo {pupil.LastName}")));
        Assert.That(kept.State, Is.EqualTo(AccountState.NotActivated));

        await ExpectAsync(admin, HttpStatusCode.OK, HttpMethod.Patch, $"people/{account.Id}", new Dictionary<string, object?> { ["firstName"] = null });
        Assert.That(server.Runtime.Directory.Find(account.Login)!.FirstName, Is.EqualTo(pupil.FirstName));
        Assert.That(school.Reimport(server), Does.Contain("aucun changement").And.Not.Contain("saisies dans l'annuaire"));
    }
}
