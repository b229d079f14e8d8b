using Preau.Core.Mail;

namespace Preau.Core.Storage;

/// <summary>Messages held by a submission hook, waiting for an administrator.</summary>
public interface IHeldMessageStore
{
    /// <summary>Adds a held message (durable on return).</summary>
    void Hold(HeldMessage message);

    /// <summary>Every held message, oldest first.</summary>
    IReadOnlyList<HeldMessage> GetHeld();

    /// <summary>Removes a held message; false when it is not (or no longer) there. Two concurrent
    /// callers never both get true: the winner delivers or discards it.</summary>
    bool TakeHeld(string id);
}
