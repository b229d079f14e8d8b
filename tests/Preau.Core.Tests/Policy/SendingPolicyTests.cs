using Preau.Core.Policy;

namespace Preau.Core.Tests.Policy;

public class SendingPolicyTests
{
    private static PolicyDecision Decide(string from, string to, PolicyState? state = null) =>
        TinySchool.Policy(state).Decide(TinySchool.Get(from), to.Contains('@', StringComparison.Ordinal) ? to : $"{to}@{TinySchool.Domain}");

    [TestCase("eleve.6a", "eleve2.6a", true, TestName = "Pupil_ToClassmate_Allowed")]
    [TestCase("eleve2.6a", "eleve.5b", false, TestName = "Pupil_ToPupilOfAnotherClass_Refused")]
    [TestCase("eleve.6a", "parent.6a", true, TestName = "Pupil_ToOwnParent_Allowed")]
    [TestCase("eleve.6a", "parent.5b", false, TestName = "Pupil_ToAnotherPupilsParent_Refused")]
    [TestCase("eleve.6a", "prof.maths", true, TestName = "Pupil_ToOwnTeacher_Allowed")]
    [TestCase("eleve.6a", "prof.latin", false, TestName = "Pupil_ToTeacherNotTeachingThem_Refused")]
    [TestCase("eleve2.6a", "prof.latin", true, TestName = "Pupil_ToTeacherOfTheirGroup_Allowed")]
    [TestCase("eleve.6a", "cpe", true, TestName = "Pupil_ToCpe_Allowed")]
    [TestCase("eleve.6a", "agent", false, TestName = "Pupil_ToAgent_RefusedByFunctionFilter")]
    [TestCase("parent.6a", "prof.anglais", true, TestName = "Parent_ToOwnChildsTeacher_Allowed")]
    [TestCase("parent.6a", "prof.latin", false, TestName = "Parent_ToAnotherTeacher_Refused")]
    [TestCase("parent.6a", "eleve.6a", true, TestName = "Parent_ToOwnChild_Allowed")]
    [TestCase("parent.6a", "eleve.5b", false, TestName = "Parent_ToAnotherChild_Refused")]
    [TestCase("parent.6a", "parent.5b", false, TestName = "Parent_ToAnotherParent_Refused")]
    [TestCase("parent.6a", "cpe", true, TestName = "Parent_ToStaff_Allowed")]
    [TestCase("prof.maths", "eleve.5b", true, TestName = "Teacher_ToAnyPupilThroughDirectory_Allowed")]
    [TestCase("prof.maths", "agent", true, TestName = "Teacher_ToAllStaff_Allowed")]
    public void Decide_DefaultRules(string from, string to, bool allowed)
    {
        var decision = Decide(from, to);
        Assert.That(decision.Accepted, Is.EqualTo(allowed), decision.ToString());
        if (!allowed)
        {
            Assert.That(decision.Code, Is.EqualTo(550));
            Assert.That(decision.Enhanced, Is.EqualTo("5.7.1"));
            Assert.That(decision.Text, Does.StartWith($"{from} ne peut pas écrire à {to.Split('@')[0]} : "));
        }
    }

    [Test]
    public void Decide_Refusal_NamesTheRuleThatWouldHaveApplied()
    {
        var decision = Decide("eleve.6a", "parent.5b");
        Assert.That(decision.Text, Does.Contain("les élèves écrivent à leurs propres parents (eleve-parents)"));
    }

    [Test]
    public void Decide_RubriqueWithDiffusionList_LetsMembersWriteAcrossClasses()
    {
        // eleve.6a and eleve.5b share club-theatre, whose diffusion list is on.
        Assert.That(Decide("eleve.5b", "eleve.6a").Accepted, Is.True);

        // eleve2.6a and latiniste.5b share only a rubrique without diffusion list… and the LATIN group (not a class).
        Assert.That(Decide("latiniste.5b", "eleve2.6a").Accepted, Is.False);
    }

    [Test]
    public void Decide_SuspendedRecipient_RefusedWith521()
    {
        var decision = Decide("eleve.6a", "suspendu.6a");
        Assert.That((decision.Accepted, decision.Code, decision.Enhanced), Is.EqualTo((false, 550, "5.2.1")));
        Assert.That(decision.Text, Does.Contain("est suspendu"));
    }

    [Test]
    public void Decide_UnknownLocalAddress_Refused511()
    {
        var decision = Decide("eleve.6a", "personne");
        Assert.That((decision.Code, decision.Enhanced), Is.EqualTo((550, "5.1.1")));
    }

    [Test]
    public void Decide_ReplyGrant_LetsRecipientAnswerTheSenderOnly()
    {
        var policy = TinySchool.Policy(grants: (account, address) => account == "id-parent.6a" && address == "prof.latin@ecole.test");
        Assert.That(policy.Decide(TinySchool.Get("parent.6a"), "prof.latin@ecole.test").Accepted, Is.True);
        Assert.That(policy.Decide(TinySchool.Get("parent.6a"), "parent.5b@ecole.test").Accepted, Is.False);
    }

    [Test]
    public void Decide_TeacherListOfTaughtClass_ExpandsToPupils()
    {
        var decision = Decide("prof.anglais", "eleves.6a");
        Assert.That(decision.Accepted, Is.True, decision.ToString());
        Assert.That(decision.Recipients.Select(r => r.Address), Is.EquivalentTo(new[] { "eleve.6a@ecole.test", "eleve2.6a@ecole.test" }));
    }

    [Test]
    public void Decide_TeacherParentsListOfTaughtClass_ExpandsToParents()
    {
        var decision = Decide("prof.anglais", "parents.5b");
        Assert.That(decision.Recipients.Select(r => r.Address), Is.EquivalentTo(new[] { "parent.5b@ecole.test" }));
    }

    [Test]
    public void Decide_TeacherListOfClassNotTaught_RefusedNamingTheListRule()
    {
        var decision = Decide("prof.maths", "eleves.5b");
        Assert.That(decision.Accepted, Is.False);
        Assert.That(decision.Text, Does.StartWith("prof.maths ne peut pas utiliser la liste eleves.5b"));
        Assert.That(decision.Text, Does.Contain("listes-enseignants"));
    }

    [Test]
    public void Decide_GroupList_UsesFoldedGroupCode()
    {
        var decision = Decide("prof.latin", "eleves.latin");
        Assert.That(decision.Recipients.Select(r => r.Address), Is.EquivalentTo(new[] { "latiniste.5b@ecole.test", "eleve2.6a@ecole.test" }));
    }

    [Test]
    public void Decide_RubriqueListWithoutDiffusion_IsNoList()
    {
        Assert.That(Decide("eleve2.6a", "rubrique.secret").Enhanced, Is.EqualTo("5.1.1"));
        Assert.That(Decide("eleve.6a", "rubrique.club-theatre").Accepted, Is.True);
        Assert.That(Decide("eleve2.6a", "rubrique.club-theatre").Accepted, Is.False);
    }

    [Test]
    public void Decide_ExternalAddress_ClosedForPupilsByDefault()
    {
        var decision = Decide("eleve.6a", "ami@exemple.org");
        Assert.That((decision.Accepted, decision.Enhanced), Is.EqualTo((false, "5.7.1")));
        Assert.That(decision.Text, Does.Contain("hors de l'établissement"));
        Assert.That(Decide("parent.6a", "ami@exemple.org").Accepted, Is.True);
        Assert.That(Decide("prof.maths", "ami@exemple.org").Accepted, Is.True);
    }

    [TestCase(true, null, null, true)]
    [TestCase(false, "6E", null, true)]
    [TestCase(false, "5E", null, false)]
    [TestCase(false, null, "6A", true)]
    [TestCase(false, null, "5B", false)]
    public void Decide_ExternalOpened_ForAllLevelOrClass(bool all, string? level, string? classCode, bool allowed)
    {
        var state = new PolicyState(false, all, level is null ? [] : [level], classCode is null ? [] : [classCode]);
        Assert.That(Decide("eleve.6a", "ami@exemple.org", state).Accepted, Is.EqualTo(allowed));
        Assert.That(TinySchool.Policy(state).DecideInbound("eleve.6a@ecole.test").Accepted, Is.EqualTo(allowed));
    }

    [Test]
    public void DecideInbound_PupilWithExternalClosed_Refused571()
    {
        var decision = TinySchool.Policy().DecideInbound("eleve.6a@ecole.test");
        Assert.That((decision.Code, decision.Enhanced), Is.EqualTo((550, "5.7.1")));
        Assert.That(TinySchool.Policy().DecideInbound("prof.maths@ecole.test").Accepted, Is.True);
    }

    [Test]
    public void DecideInbound_OtherDomain_RelayDenied()
    {
        var decision = TinySchool.Policy().DecideInbound("quelqu.un@ailleurs.org");
        Assert.That(decision.Accepted, Is.False);
        Assert.That(decision.Text, Does.Contain("relais vers"));
    }

    [Test]
    public void CheckSender_EmergencyStop_BlocksPupilsOnly()
    {
        var policy = TinySchool.Policy(PolicyState.Default with { PupilSendingStopped = true });
        Assert.That(policy.CheckSender(TinySchool.Get("eleve.6a")).Accepted, Is.False);
        Assert.That(policy.CheckSender(TinySchool.Get("prof.maths")).Accepted, Is.True);
    }

    [TestCase("")]
    [TestCase("sans-arobase")]
    [TestCase("a b@ecole.test")]
    [TestCase("@ecole.test")]
    [TestCase("x@")]
    public void Decide_MalformedAddress_Refused(string address)
    {
        var decision = TinySchool.Policy().Decide(TinySchool.Get("prof.maths"), address);
        Assert.That((decision.Accepted, decision.Code), Is.EqualTo((false, 501)));
    }
}
