using Preau.Plugins.Directory.Codes;
using Preau.Plugins.Directory.Model;

namespace Preau.Plugins.Directory.Planning;

/// <summary>Puts each new account's code on the sheet it is handed out from: a pupil on their
/// class's, a responsable on the class sheet of each of their children (the same code, so either
/// child can bring it home), staff on the staff sheet.</summary>
internal static class ActivationSheetBuilder
{
    public static ActivationSheet Build(ImportSnapshot snapshot, PeoplePlanner people)
    {
        var pupils = snapshot.Pupils.ToDictionary(p => p.EleveId, StringComparer.Ordinal);
        var childrenOf = people.IncludedLinks.ToLookup(l => l.PersonneId, l => pupils[l.EleveId], StringComparer.Ordinal);
        var entries = new List<ActivationEntry>();
        foreach (var added in people.Added)
        {
            var account = added.Account;
            var (group, key) = people.AddedSources[account.Id];
            ActivationEntry Entry(string sheet, string? child) =>
                new(sheet, account.Kind, account.LastName, account.FirstName, account.Login, added.ActivationCode, child);
            switch (group)
            {
                case PeoplePlanner.MatchGroup.Pupil:
                    entries.Add(Entry(pupils[key].ClassCode ?? ActivationSheet.UnplacedSheet, null));
                    break;
                case PeoplePlanner.MatchGroup.Responsable:
                    foreach (var child in childrenOf[key].DistinctBy(c => c.EleveId))
                    {
                        entries.Add(Entry(child.ClassCode ?? ActivationSheet.UnplacedSheet, PeoplePlanner.DisplayNameOf(child.FirstName, child.LastName)));
                    }

                    break;
                default:
                    entries.Add(Entry(ActivationSheet.StaffSheet, null));
                    break;
            }
        }

        static int SheetRank(string sheet) => sheet switch
        {
            ActivationSheet.UnplacedSheet => 1,
            ActivationSheet.StaffSheet => 2,
            _ => 0,
        };

        return new ActivationSheet([.. entries
            .OrderBy(e => SheetRank(e.Sheet))
            .ThenBy(e => e.Sheet, StringComparer.Ordinal)
            .ThenBy(e => e.Kind == PersonKind.Eleve ? 0 : 1)
            .ThenBy(e => e.LastName, StringComparer.Ordinal)
            .ThenBy(e => e.FirstName, StringComparer.Ordinal)
            .ThenBy(e => e.Login, StringComparer.Ordinal)]);
    }
}
