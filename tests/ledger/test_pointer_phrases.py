"""Where a pointer phrase stands: the resolver reads the words after a phrase at the offset its caller gives, also
for a phrase the caller built rather than read from the text."""

from store.extract.quote_speakers import Speakers
from tests.ledger.helpers import mention


def test_a_built_relative_phrase_sees_the_name_beside_its_own_words():
    text = ("Tom Hale was taken to hospital, where Ann Lee, the doctor on duty, treated him.\n"
            "His family doctor, Ben Cole, said he would recover.")
    people = [mention(text, name, "PERSON") for name in ("Tom Hale", "Ann Lee", "Ben Cole")]
    speakers = Speakers(text, people, [])
    at = text.index("His family doctor")
    # "his doctor" is built (not in the text): its words end after "doctor", right before ", Ben Cole," who is
    # named there: no pointer (the name beside is read as the subject), not the doctor on duty named earlier
    assert speakers._pointer("his doctor", at, at + len("His family doctor")) is None
