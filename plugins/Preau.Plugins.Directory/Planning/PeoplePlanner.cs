using Preau.Plugins.Directory.Model;

namespace Preau.Plugins.Directory.Planning;

/// <summary>Matches the people of the files with the accounts by their national ids, and says who is
/// new, who changes, who is unchanged and who left.</summary>
/// <remarks>
/// Pupils are matched by INE, then by <c>eleve:&lt;ELEVE_ID&gt;</c> (a pupil whose INE came after
/// the account); responsables by PERSONNE_ID; staff by STS id, among teachers and staff together (an
/// assistant d'éducation who becomes a teacher keeps the account). Only accounts of the files' UAJ,
/// with an external id, of a feed the import carries, are matched, and so can leave: an import of
/// STSweb alone never suspends a pupil. A matched account keeps its id and login; its display name
/// follows the feed only when the name changes, so a name set by hand survives re-imports. Values an
/// administrator set in the annuaire (<see cref="PlanOptions.ManualValues"/>) win over the feed's,
/// with a warning where the files differ.
/// </remarks>
internal sealed class PeoplePlanner(ImportSnapshot snapshot, DirectoryState state, PlanOptions options, List<ImportError> errors, List<ImportWarning> warnings)
{
    private readonly Dictionary<(MatchGroup, string), AccountRecord> _index = [];
    private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);
    private readonly List<AccountChange> _updated = [];
    private readonly List<(Desired Person, AccountRecord? Existing)> _new = [];
    private readonly List<string> _manualKept = [];

    public enum MatchGroup
    {
        Pupil,
        Responsable,
        Staff,
    }

    /// <summary>Account id of each pupil (ELEVE_ID), responsable (PERSONNE_ID) and member of staff (external id).</summary>
    public Dictionary<string, string> PupilIds { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> ResponsableIds { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> StaffIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids of the existing accounts the import manages, by group (whether they stay or leave).</summary>
    public HashSet<string> ManagedPupils { get; } = new(StringComparer.Ordinal);

    public HashSet<string> ManagedResponsables { get; } = new(StringComparer.Ordinal);

    public HashSet<string> ManagedStaff { get; } = new(StringComparer.Ordinal);

    /// <summary>The links that make accounts (per <see cref="PlanOptions.Responsables"/>).</summary>
    public IReadOnlyList<ImportedParentLink> IncludedLinks { get; private set; } = [];

    public List<NewAccount> Added { get; } = [];

    /// <summary>Who each new account is: ELEVE_ID, PERSONNE_ID or staff external id, and its group.</summary>
    public Dictionary<string, (MatchGroup Group, string SourceKey)> AddedSources { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<AccountChange> Updated => _updated;

    public List<AccountChange> Suspended { get; } = [];

    public int Unchanged { get; private set; }

    public bool RequiresConfirmation { get; private set; }

    public static MatchGroup? GroupOf(PersonKind kind) => kind switch
    {
        PersonKind.Eleve => MatchGroup.Pupil,
        PersonKind.Responsable => MatchGroup.Responsable,
        PersonKind.Enseignant or PersonKind.Personnel => MatchGroup.Staff,
        _ => null,
    };

    public static string DisplayNameOf(string firstName, string lastName) =>
        firstName.Length > 0 ? $"{firstName} {lastName}" : lastName;

    public void Plan(IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        if (!IndexManaged())
        {
            return;
        }

        var people = Desire().ToList();
        for (var i = 0; i < people.Count; i++)
        {
            if (i % 1000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(ImportStage.Planning, "comptes", i, people.Count, "Comparaison des comptes avec l'annuaire"));
            }

            Match(people[i]);
        }

        Leave();
        Create();
        WarnManual();
    }

    private bool InScope(MatchGroup group) => group == MatchGroup.Staff
        ? (snapshot.Scope & ImportScope.Sts) != 0
        : (snapshot.Scope & ImportScope.Siecle) != 0;

    private bool IndexManaged()
    {
        foreach (var account in state.Accounts)
        {
            if (account.ExternalId is not { } externalId
                || !string.Equals(account.Uai, snapshot.Uai, StringComparison.OrdinalIgnoreCase)
                || GroupOf(account.Kind) is not { } group
                || !InScope(group))
            {
                continue;
            }

            if (_index.TryGetValue((group, externalId), out var other))
            {
                errors.Add(new ImportError("", "", null, $"annuaire incohérent : les comptes {other.Login} et {account.Login} portent le même identifiant {externalId} ; corrigez-le avant d'importer"));
                continue;
            }

            _index.Add((group, externalId), account);
            (group switch
            {
                MatchGroup.Pupil => ManagedPupils,
                MatchGroup.Responsable => ManagedResponsables,
                _ => ManagedStaff,
            }).Add(account.Id);
        }

        return errors.Count == 0;
    }

    private IEnumerable<Desired> Desire()
    {
        foreach (var s in snapshot.Staff)
        {
            yield return new Desired(MatchGroup.Staff, s.ExternalId, s.ExternalId, null, s.Kind, s.Role, s.FirstName, s.LastName);
        }

        if ((snapshot.Scope & ImportScope.Siecle) == 0)
        {
            yield break;
        }

        foreach (var p in snapshot.Pupils)
        {
            yield return new Desired(MatchGroup.Pupil, p.EleveId, p.ExternalId, p.Ine is null ? null : p.SiecleKey, PersonKind.Eleve, StaffRole.None, p.FirstName, p.LastName);
        }

        IncludedLinks = [.. snapshot.ParentLinks.Where(l => options.Responsables switch
        {
            ResponsableScope.Legal => l.Responsibility == Responsibility.Legal,
            ResponsableScope.LegalAndEnCharge => l.Responsibility != Responsibility.Contact,
            _ => true,
        })];
        var linked = IncludedLinks.Select(l => l.PersonneId).ToHashSet(StringComparer.Ordinal);
        foreach (var r in snapshot.Responsables.Where(r => linked.Contains(r.PersonneId)))
        {
            yield return new Desired(MatchGroup.Responsable, r.PersonneId, r.ExternalId, null, PersonKind.Responsable, StaffRole.None, r.FirstName, r.LastName);
        }
    }

    private void Match(Desired person)
    {
        var existing = Find(person.Group, person.ExternalId) ?? (person.AltKey is { } alt ? Find(person.Group, alt) : null);
        if (existing is null)
        {
            _new.Add((person, null));
            return;
        }

        _claimed.Add(existing.Id);
        IdsOf(person.Group)[person.SourceKey] = existing.Id;
        var manual = options.ManualValues.GetValueOrDefault(existing.Id);
        var firstName = manual?.FirstName ?? person.FirstName;
        var lastName = manual?.LastName ?? person.LastName;
        NoteManual(existing, manual, person);
        var namesChange = existing.FirstName != firstName || existing.LastName != lastName;
        var after = existing with
        {
            Kind = person.Kind,
            Role = manual?.Role ?? person.Role,
            FirstName = firstName,
            LastName = lastName,
            DisplayName = manual?.DisplayName ?? (namesChange ? DisplayNameOf(firstName, lastName) : existing.DisplayName),
            ExternalId = person.ExternalId,
            Status = existing.Status == AccountStatus.Left
                ? (existing.HasPassword ? AccountStatus.Active : AccountStatus.NotActivated)
                : existing.Status,
        };
        var fields = Diff(existing, after);
        if (fields.Count == 0)
        {
            Unchanged++;
        }
        else
        {
            _updated.Add(new AccountChange(existing, after, fields));
        }
    }

    /// <summary>Notes where a value set by hand differs from the files' (reported, kept).</summary>
    private void NoteManual(AccountRecord existing, ManualValues? manual, Desired person)
    {
        if (manual is null)
        {
            return;
        }

        var differences = new List<string>();
        if (manual.FirstName is { } first && first != person.FirstName)
        {
            differences.Add($"prénom « {first} », fichiers « {person.FirstName} »");
        }

        if (manual.LastName is { } last && last != person.LastName)
        {
            differences.Add($"nom « {last} », fichiers « {person.LastName} »");
        }

        if (manual.Role is { } role && role != person.Role)
        {
            differences.Add($"fonction {role}, fichiers {person.Role}");
        }

        if (differences.Count > 0)
        {
            _manualKept.Add($"{existing.Login} ({string.Join(" ; ", differences)})");
        }
    }

    private void WarnManual()
    {
        if (_manualKept.Count > 0)
        {
            var shown = string.Join(", ", _manualKept.Take(10)) + (_manualKept.Count > 10 ? ", …" : "");
            warnings.Add(new ImportWarning("", "", $"{_manualKept.Count} fiche(s) gardent des valeurs saisies dans l'annuaire au lieu de celles des fichiers : {shown}"));
        }
    }

    private AccountRecord? Find(MatchGroup group, string key) =>
        _index.TryGetValue((group, key), out var account) && !_claimed.Contains(account.Id) ? account : null;

    private Dictionary<string, string> IdsOf(MatchGroup group) => group switch
    {
        MatchGroup.Pupil => PupilIds,
        MatchGroup.Responsable => ResponsableIds,
        _ => StaffIds,
    };

    private void Leave()
    {
        var managed = new Dictionary<MatchGroup, int>();
        var leaving = new Dictionary<MatchGroup, int>();
        foreach (var ((group, _), account) in _index.OrderBy(e => e.Value.Login, StringComparer.Ordinal))
        {
            if (account.Status == AccountStatus.Left)
            {
                continue;
            }

            managed[group] = managed.GetValueOrDefault(group) + 1;
            if (_claimed.Contains(account.Id))
            {
                continue;
            }

            leaving[group] = leaving.GetValueOrDefault(group) + 1;
            var after = account with { Status = AccountStatus.Left };
            Suspended.Add(new AccountChange(account, after, [new FieldChange(AccountField.Status, account.Status.ToString(), nameof(AccountStatus.Left))]));
        }

        foreach (var (group, count) in leaving)
        {
            var total = managed[group];
            if (total >= options.DepartureAlertFloor && count > total * options.DepartureAlertShare)
            {
                RequiresConfirmation = true;
                var who = group switch
                {
                    MatchGroup.Pupil => "élèves",
                    MatchGroup.Responsable => "responsables",
                    _ => "personnels",
                };
                warnings.Add(new ImportWarning("", "", $"l'import suspendrait {count} {who} sur {total} ({100.0 * count / total:0} %) : vérifiez que les fichiers sont complets avant de confirmer"));
            }
        }
    }

    private void Create()
    {
        var allocator = new LoginAllocator(state.Accounts.Select(a => a.Login));
        var ids = state.Accounts.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var ordered = _new
            .Select(n => n.Person)
            .OrderBy(p => p.Group == MatchGroup.Staff ? 0 : p.Group == MatchGroup.Pupil ? 1 : 2)
            .ThenBy(p => LoginAllocator.Stem(p.FirstName, p.LastName), StringComparer.Ordinal)
            .ThenBy(p => p.ExternalId, StringComparer.Ordinal);
        foreach (var person in ordered)
        {
            var id = options.NewAccountId();
            if (!ids.Add(id))
            {
                throw new InvalidOperationException($"PlanOptions.NewAccountId gave '{id}', an id already in use");
            }

            var account = new AccountRecord
            {
                Id = id,
                Login = allocator.Allocate(person.FirstName, person.LastName),
                Kind = person.Kind,
                Role = person.Role,
                Status = AccountStatus.NotActivated,
                FirstName = person.FirstName,
                LastName = person.LastName,
                DisplayName = DisplayNameOf(person.FirstName, person.LastName),
                ExternalId = person.ExternalId,
                Uai = snapshot.Uai,
            };
            Added.Add(new NewAccount(account, options.ActivationCodes.Next()));
            AddedSources[account.Id] = (person.Group, person.SourceKey);
            IdsOf(person.Group)[person.SourceKey] = account.Id;
        }
    }

    private static List<FieldChange> Diff(AccountRecord before, AccountRecord after)
    {
        var fields = new List<FieldChange>();
        void Compare(AccountField field, string? a, string? b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                fields.Add(new FieldChange(field, a, b));
            }
        }

        Compare(AccountField.FirstName, before.FirstName, after.FirstName);
        Compare(AccountField.LastName, before.LastName, after.LastName);
        Compare(AccountField.DisplayName, before.DisplayName, after.DisplayName);
        Compare(AccountField.Kind, before.Kind.ToString(), after.Kind.ToString());
        Compare(AccountField.Role, before.Role.ToString(), after.Role.ToString());
        Compare(AccountField.ExternalId, before.ExternalId, after.ExternalId);
        Compare(AccountField.Status, before.Status.ToString(), after.Status.ToString());
        return fields;
    }

    /// <summary>A person of the files: group, key in the files, external id and the one that also matches.</summary>
    private sealed record Desired(
        MatchGroup Group, string SourceKey, string ExternalId, string? AltKey, PersonKind Kind, StaffRole Role, string FirstName, string LastName);
}
