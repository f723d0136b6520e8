"""Quizzes: the quiz-set model, generation from an analysis, TOML files, answer checking and running."""

from dushu.core.quiz.answers import Feedback, answers_match, check_answer, normalise_answer, pinyin_key
from dushu.core.quiz.engine import (
    AnswerRecord,
    PresentedQuestion,
    QuizResult,
    present_quiz,
    results_csv,
    run_terminal_quiz,
    score_quiz,
    write_results_csv,
)
from dushu.core.quiz.generate import GENERATED_TYPES, generate_quiz
from dushu.core.quiz.model import FORMAT, QUESTION_TYPES, VERSION, Question, QuizSet, QuizSettings
from dushu.core.quiz.quizfile import (
    QuestionProblem,
    dumps_quiz_set,
    load_quiz_set,
    loads_quiz_set,
    question_problems,
    quiz_set_problems,
    save_quiz_set,
)

__all__ = [
    "FORMAT",
    "GENERATED_TYPES",
    "QUESTION_TYPES",
    "VERSION",
    "AnswerRecord",
    "Feedback",
    "PresentedQuestion",
    "Question",
    "QuestionProblem",
    "QuizResult",
    "QuizSet",
    "QuizSettings",
    "answers_match",
    "check_answer",
    "dumps_quiz_set",
    "generate_quiz",
    "load_quiz_set",
    "loads_quiz_set",
    "normalise_answer",
    "pinyin_key",
    "present_quiz",
    "question_problems",
    "quiz_set_problems",
    "results_csv",
    "run_terminal_quiz",
    "save_quiz_set",
    "score_quiz",
    "write_results_csv",
]
