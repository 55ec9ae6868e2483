# A helper casts token ids to int64 and watches them; the derivative of the embedding
# norm with respect to the ids is None.
import tensorflow as tf


def id_sensitivity(table, raw_ids):
    ids = tf.cast(raw_ids, tf.int64)
    with tf.GradientTape() as tape:
        tape.watch(ids)
        emb = tf.gather(table, ids)
        score = tf.reduce_sum(emb ** 2)
    return tape.gradient(score, ids)  # expect: TFG010


embedding = tf.Variable(tf.random.normal([10, 4]))
print(id_sensitivity(embedding, tf.constant([1.0, 4.0, 7.0])))
