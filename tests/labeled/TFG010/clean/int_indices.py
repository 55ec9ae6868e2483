# Integer tensors used only as indices (gather, one_hot, argmax for accuracy).
import tensorflow as tf

emb = tf.Variable(tf.random.normal([10, 3]))
ids = tf.constant([1, 4, 4, 7])
labels = tf.constant([0, 2, 1, 0])
with tf.GradientTape() as tape:
    vecs = tf.gather(emb, ids)
    logits = vecs * 2.0
    loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels, logits))
acc = tf.reduce_mean(tf.cast(tf.equal(tf.argmax(logits, 1, output_type=tf.int32), labels), tf.float32))
g = tape.gradient(loss, emb)
print(acc, g)
