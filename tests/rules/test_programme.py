from hypothesis import given
from hypothesis import strategies as st

from plenary.rules.programme import Line, continued_marks


def item(number):
    return Line(number=number)


def sub(number, letter):
    return Line(number=number, letter=letter)


def text(words):
    return Line(number=None, text=words)


def test_item_with_other_business_after_lunch_starts_afresh():
    slots = [
        [item(6), text("Adoption of the programme of work")],
        [item(6), text("Informal presentations")],
        [item(6), text("Informal presentations"), item(8), sub(8, "a")],
        [item(8), sub(8, "a"), sub(8, "b")],
    ]
    assert continued_marks(slots) == [set(), set(), {0}, {0}]


def test_item_listed_alone_in_two_slots_is_continued():
    assert continued_marks([[item(10)], [item(10)]]) == [set(), {0}]


def test_sub_items_are_never_marked():
    assert continued_marks([[item(8), sub(8, "a")], [sub(8, "a")]]) == [set(), set()]


slot_lines = st.lists(
    st.one_of(
        st.builds(item, st.integers(1, 4)),
        st.builds(sub, st.integers(1, 4), st.sampled_from("abc")),
        st.builds(text, st.sampled_from(["x", "y"])),
    ),
    max_size=6,
)


@given(st.lists(slot_lines, max_size=6))
def test_first_appearance_is_never_continued_and_marks_point_at_items(slots):
    marks = continued_marks(slots)
    assert len(marks) == len(slots)
    seen: set[int] = set()
    for slot, marked in zip(slots, marks, strict=True):
        for index in marked:
            assert slot[index].is_item
            assert slot[index].number in seen
        seen |= {line.number for line in slot if line.is_item}
