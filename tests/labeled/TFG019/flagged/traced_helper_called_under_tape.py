# A product over dataset elements lives in a tf.function helper; called under the tape, its
# loop is a dataset reduce, so the watched input gets no gradient (eagerly it would be 6).
# recorder: keep autograph
import tensorflow as tf

factors = tf.data.Dataset.from_tensor_slices([2.0, 3.0])


@tf.function
def scaled(x):
    for f in factors:
        x = x * f
    return x


a = tf.constant(1.0)
with tf.GradientTape() as tape:
    tape.watch(a)
    out = scaled(a)
print(tape.gradient(out, a))  # expect: TFG019
