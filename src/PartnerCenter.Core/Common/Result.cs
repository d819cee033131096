namespace PartnerCenter.Core.Common;

/// <summary>
/// An expected failure: a stable code clients can rely on, the message a user reads, and its kind,
/// which alone decides how the web layer shows it (docs/architecture.md, "Errors").
/// </summary>
/// <param name="Code">Stable and English, whatever the reader's language (API clients and stored rows rely on it).</param>
/// <param name="Text">The message, translated when read (<see cref="Message"/>).</param>
/// <param name="Field">For <see cref="ErrorKind.Field"/>: the input the message belongs next to.</param>
public sealed record Error(string Code, Phrase Text, ErrorKind Kind = ErrorKind.Rule, string? Field = null)
{
    /// <summary>The message a user reads, in the current UI culture.</summary>
    public string Message => Text.ToString();

    /// <summary>When several causes apply at once: each of them, with its own code and message (see <see cref="AllOf"/>).</summary>
    public IReadOnlyList<Error>? Causes { get; init; }

    /// <summary>
    /// Every cause that applies, told at once. One cause is returned as itself; several become one error
    /// that keeps the first cause's code and kind, reads all messages, and lists each in <see cref="Causes"/>.
    /// </summary>
    public static Error AllOf(IReadOnlyList<Error> causes) => causes.Count switch
    {
        0 => throw new ArgumentException("At least one cause is needed.", nameof(causes)),
        1 => causes[0],
        _ => causes[0] with { Text = Phrase.Join(" ", causes.Select(c => c.Text)), Causes = causes },
    };

    /// <param name="what">The English name of the thing ("Preregistration"), translated like the message.</param>
    public static Error NotFound(string what) => new("not_found", new Phrase("{0} was not found.", new Phrase(what)), ErrorKind.NotFound);

    public static Error Conflict(string code, Phrase message) => new(code, message, ErrorKind.Conflict);

    public static Error InField(string field, string code, Phrase message) => new(code, message, ErrorKind.Field, field);
}

public enum ErrorKind
{
    /// <summary>A domain rule refused the request: the message goes at the top of the form.</summary>
    Rule = 0,
    /// <summary>The thing does not exist for this user (including another partner's records): 404.</summary>
    NotFound = 1,
    /// <summary>Someone else changed the record first: a flash message on the page the user came from (409 for API calls).</summary>
    Conflict = 2,
    /// <summary>One input is wrong: the message goes next to <see cref="Error.Field"/>.</summary>
    Field = 3,
}

/// <summary>The size rule of the batch operations (select at least one, at most a maximum).</summary>
public static class Batch
{
    public static Error? Check(int count, int max, Error nothingSelected, Error tooMany) =>
        count == 0 ? nothingSelected : count > max ? tooMany : null;
}

/// <summary>Either a value or an <see cref="Error"/>; expected failures never travel as exceptions.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }
    public Error? Error { get; }
    public bool IsSuccess => Error is null;

    public static Result<T> Ok(T value) => new(value, null);
    public static Result<T> Fail(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Ok(value);
    public static implicit operator Result<T>(Error error) => Fail(error);
}
