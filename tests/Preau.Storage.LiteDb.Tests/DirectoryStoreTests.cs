using System.Diagnostics;
using Preau.Core.Accounts;
using Preau.Core.Graph;

namespace Preau.Storage.LiteDb.Tests;

public sealed class DirectoryStoreTests : TempFolderTest
{
    private static Account Pupil(string id, string? password = null) => new()
    {
        Id = id,
        Login = id,
        FirstName = "Élodie",
        LastName = "Le Bœuf",
        DisplayName = "Élodie Le Bœuf",
        Profile = Profile.Eleve,
        State = AccountState.NotActivated,
        PasswordHash = password,
        ExternalId = "INE-" + id,
        Uai = "0519999Z",
    };

    private static GraphData School(int pupils)
    {
        var accounts = Enumerable.Range(0, pupils).Select(i => Pupil($"e{i}")).ToList();
        accounts.Add(new Account
        {
            Id = "p1",
            Login = "j.dupont",
            DisplayName = "Jean Dupont",
            Profile = Profile.Personnel,
            Function = StaffFunction.Cpe,
            State = AccountState.Active,
            PasswordHash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
            NotificationAddress = "jean@example.org",
            PersonId = "person-1",
            Uai = "0519999Z",
        });
        accounts.Add(new Account { Id = "t1", Login = "prof", DisplayName = "Prof", Profile = Profile.Enseignant, Uai = "0519999Z" });
        accounts.Add(new Account { Id = "r1", Login = "parent", DisplayName = "Parent", Profile = Profile.Responsable, Uai = "0519999Z" });
        return new GraphData
        {
            Establishments = [new Establishment("0519999Z", "Collège Jean Moulin")],
            Accounts = accounts,
            Levels = [new Level("6E", "Sixième", 1), new Level("5E", "Cinquième", 2)],
            Structures =
            [
                new Structure("6A", "6e A", StructureKind.Class, "6E", []),
                new Structure("6B", "6e B", StructureKind.Class, "6E", []),
                new Structure("6-ANG1", "Anglais groupe 1", StructureKind.Group, "6E", ["6A", "6B"]),
            ],
            Subjects = [new Subject("030201", "ANGLAIS LV1")],
            Rubriques = [new Rubrique("theatre", "Club théâtre", true)],
            Memberships = [.. accounts.Where(a => a.Profile == Profile.Eleve).Select((a, i) => new StructureMembership(a.Id, i % 2 == 0 ? "6A" : "6B"))],
            ParentLinks = [new ParentLink("r1", "e0", 1)],
            Teachings = [new Teaching("t1", "030201", "6A", ProfPrincipal: true), new Teaching("t1", "030201", "6-ANG1")],
            RubriqueMembers = [new RubriqueMembership("theatre", "e1"), new RubriqueMembership("theatre", "t1")],
        };
    }

    [Test]
    public void IsEmpty_FreshStore_IsTrueUntilAnAccountIsSaved()
    {
        using var store = new LiteDbStore(DataDir);
        Assert.That(store.IsEmpty(), Is.True);

        store.SaveAccount(Pupil("e1"));

        Assert.That(store.IsEmpty(), Is.False);
        Assert.That(store.Load().Accounts.Single(), Is.EqualTo(Pupil("e1")));
    }

    [Test]
    public void SaveAccount_Existing_ReplacesIt()
    {
        using var store = new LiteDbStore(DataDir);
        store.SaveAccount(Pupil("e1"));

        store.SaveAccount(Pupil("e1", password: "$hash") with { State = AccountState.Active, Login = "elodie.leboeuf" });

        var saved = store.Load().Accounts.Single();
        Assert.That(saved.Login, Is.EqualTo("elodie.leboeuf"));
        Assert.That(saved.CanLogIn, Is.True);
    }

    [Test]
    public void Import_ThenLoadAfterReopen_RoundTripsEverything()
    {
        var data = School(10);
        using (var store = new LiteDbStore(DataDir))
        {
            store.Import(data);
        }

        using var reopened = new LiteDbStore(DataDir);
        var loaded = reopened.Load();
        Assert.That(loaded.Establishments, Is.EquivalentTo(data.Establishments));
        Assert.That(loaded.Accounts, Is.EquivalentTo(data.Accounts));
        Assert.That(loaded.Levels, Is.EqualTo(data.Levels));
        Assert.That(loaded.Structures.Select(s => s with { ClassCodes = [] }), Is.EquivalentTo(data.Structures.Select(s => s with { ClassCodes = [] })));
        Assert.That(loaded.Structures.Single(s => s.Code == "6-ANG1").ClassCodes, Is.EqualTo(new[] { "6A", "6B" }));
        Assert.That(loaded.Subjects, Is.EquivalentTo(data.Subjects));
        Assert.That(loaded.Rubriques, Is.EquivalentTo(data.Rubriques));
        Assert.That(loaded.Memberships, Is.EquivalentTo(data.Memberships));
        Assert.That(loaded.ParentLinks, Is.EquivalentTo(data.ParentLinks));
        Assert.That(loaded.Teachings, Is.EquivalentTo(data.Teachings));
        Assert.That(loaded.RubriqueMembers, Is.EquivalentTo(data.RubriqueMembers));
    }

    [Test]
    public void Import_Again_ReplacesRelationsOfListedAccountsOnly()
    {
        using var store = new LiteDbStore(DataDir);
        store.Import(School(10));

        // A second feed lists e0 (moved to 6B, now with another parent) and t1 (one service left);
        // e1 is not listed, so its membership and rubrique stay.
        store.Import(new GraphData
        {
            Accounts = [Pupil("e0"), new Account { Id = "t1", Login = "prof", DisplayName = "Prof", Profile = Profile.Enseignant, Uai = "0519999Z" }],
            Memberships = [new StructureMembership("e0", "6B")],
            ParentLinks = [new ParentLink("r2", "e0", 2)],
            Teachings = [new Teaching("t1", "030201", "6B")],
        });

        var loaded = store.Load();
        Assert.That(loaded.Memberships.Where(m => m.PupilId == "e0"), Is.EqualTo(new[] { new StructureMembership("e0", "6B") }));
        Assert.That(loaded.Memberships.Where(m => m.PupilId == "e1"), Is.EqualTo(new[] { new StructureMembership("e1", "6B") }));
        Assert.That(loaded.ParentLinks, Is.EqualTo(new[] { new ParentLink("r2", "e0", 2) }));
        Assert.That(loaded.Teachings, Is.EqualTo(new[] { new Teaching("t1", "030201", "6B") }));
        Assert.That(loaded.RubriqueMembers, Is.EqualTo(new[] { new RubriqueMembership("theatre", "e1") }));
        Assert.That(loaded.Structures, Has.Count.EqualTo(3));
        Assert.That(loaded.Accounts, Has.Count.EqualTo(13));
    }

    [Test]
    public void Import_WithRemovedStructures_DeletesThemAndWhatHangsOnThem_InTheSameTransaction()
    {
        using (var store = new LiteDbStore(DataDir))
        {
            store.Import(School(10));

            // 6a (any case) goes: its pupils' memberships and the services on it, whoever's; the
            // group drawing on 6A and 6B keeps 6B; a new class 6C comes in the same import.
            store.Import(
                new GraphData
                {
                    Structures = [new Structure("6C", "6e C", StructureKind.Class, "6E", [])],
                    Memberships = [new StructureMembership("e0", "6C")],
                    Accounts = [Pupil("e0")],
                },
                ["6a"]);
        }

        using var reopened = new LiteDbStore(DataDir);
        var loaded = reopened.Load();
        Assert.That(loaded.Structures.Select(s => s.Code), Is.EquivalentTo(new[] { "6B", "6-ANG1", "6C" }));
        Assert.That(loaded.Structures.Single(s => s.Code == "6-ANG1").ClassCodes, Is.EqualTo(new[] { "6B" }));
        Assert.That(loaded.Memberships.Where(m => m.StructureCode == "6A"), Is.Empty);
        Assert.That(loaded.Memberships.Where(m => m.PupilId == "e0"), Is.EqualTo(new[] { new StructureMembership("e0", "6C") }));
        Assert.That(loaded.Memberships.Count(m => m.StructureCode == "6B"), Is.EqualTo(5), "other classes untouched");
        Assert.That(loaded.Teachings, Is.EqualTo(new[] { new Teaching("t1", "030201", "6-ANG1") }));
        Assert.That(loaded.RubriqueMembers, Has.Count.EqualTo(2), "rubriques are not structures");
    }

    [Test]
    public void Import_3000AccountsWithRelations_AllLoadedBackAndReimportIdempotent()
    {
        using var store = new LiteDbStore(DataDir);
        var data = School(3000);

        var watch = Stopwatch.StartNew();
        store.Import(data);
        var first = watch.Elapsed;
        watch.Restart();
        store.Import(data);
        var again = watch.Elapsed;
        watch.Restart();
        var loaded = store.Load();
        var load = watch.Elapsed;

        TestContext.Out.WriteLine($"import {first.TotalMilliseconds:F0} ms, re-import {again.TotalMilliseconds:F0} ms, load {load.TotalMilliseconds:F0} ms");
        // Timings are printed for information; figures are measured by benchmarks, not asserted here.
        Assert.That(loaded.Accounts, Has.Count.EqualTo(3003));
        Assert.That(loaded.Memberships, Has.Count.EqualTo(3000));
    }
}
