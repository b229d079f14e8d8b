using Preau.Core.Directory;
using Preau.Core.Graph;

namespace Preau.Server.Hosting;

/// <summary>Adds the demo's rubriques and their members through Core once the exports are imported:
/// no national feed carries rubriques. Members are found by their national id (the importer chose
/// their account ids), the fixed accounts by their id.</summary>
internal static class DemoRubriques
{
    public static void Add(DirectoryService directory, GraphData school)
    {
        var graph = directory.Graph;
        var generated = school.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var byExternalId = graph.Data.Accounts
            .Where(a => a.ExternalId is not null)
            .ToLookup(a => (a.Profile, a.ExternalId), a => a.Id);
        var members = new List<RubriqueMembership>();
        foreach (var member in school.RubriqueMembers)
        {
            var account = generated[member.AccountId];
            var id = account.ExternalId is { } externalId
                ? byExternalId[(account.Profile, externalId)].SingleOrDefault()
                : graph.FindById(account.Id)?.Id;
            members.Add(member with
            {
                AccountId = id ?? throw new DemoSeedException($"rubrique {member.RubriqueId}: {account.Login} ({account.ExternalId}) is not in the directory after the import"),
            });
        }

        directory.Import(new GraphData { Rubriques = school.Rubriques, RubriqueMembers = members }, DemoImport.Actor);
    }
}
