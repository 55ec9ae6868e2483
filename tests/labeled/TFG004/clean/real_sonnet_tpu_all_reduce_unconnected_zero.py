# source: https://github.com/google-deepmind/sonnet/issues/215
# reported: The reporter's fix for a Sonnet 2 model whose replica step all-reduced None gradients under a TPU strategy: not every variable is connected to the loss in each step, so the gradient is taken with unconnected_gradients=tf.UnconnectedGradients.ZERO before ctx.all_reduce.
# observed (TF 2.21, OneDeviceStrategy standing in for the TPU): tape.gradient returns zeros for the unused head and real gradients for the rest; all_reduce and the update run.
import numpy as np
import tensorflow as tf


class Linear(tf.Module):
    def __init__(self, output_size, name=None):
        super().__init__(name=name)
        self.output_size = output_size
        self.w = None

    @tf.Module.with_name_scope
    def __call__(self, x):
        if self.w is None:
            self.w = tf.Variable(tf.random.normal([x.shape[-1], self.output_size], stddev=0.1), name="w")
            self.b = tf.Variable(tf.zeros([self.output_size]), name="b")
        return tf.matmul(x, self.w) + self.b


class MultiTaskModel(tf.Module):
    """Shared torso with one head per task; a step only trains the head of its task."""

    def __init__(self, name=None):
        super().__init__(name=name)
        self.torso = Linear(8, name="torso")
        self.heads = {"classify": Linear(3, name="classify_head"),
                      "regress": Linear(1, name="regress_head")}

    def __call__(self, x, task):
        h = tf.nn.relu(self.torso(x))
        return self.heads[task](h)


class SGD(tf.Module):
    """Like snt.optimizers.SGD: apply(updates, parameters)."""

    def __init__(self, learning_rate):
        super().__init__()
        self.learning_rate = learning_rate

    def apply(self, updates, parameters):
        for update, parameter in zip(updates, parameters):
            parameter.assign_sub(self.learning_rate * update)


strategy = tf.distribute.OneDeviceStrategy("/cpu:0")
with strategy.scope():
    model = MultiTaskModel()
    optimizer = SGD(0.1)
    # create all variables
    model(tf.zeros([1, 4]), "classify")
    model(tf.zeros([1, 4]), "regress")


def loss_fn(outputs, labels):
    return tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=outputs))


def step(images, labels):
    with tf.GradientTape() as tape:
        outputs = model(images, "classify")
        loss = loss_fn(outputs, labels)
    params = model.trainable_variables
    grads = tape.gradient(loss, params, unconnected_gradients=tf.UnconnectedGradients.ZERO)
    grads = tf.distribute.get_replica_context().all_reduce("sum", grads)
    optimizer.apply(grads, params)
    return loss


images = tf.constant(np.random.rand(4, 4).astype(np.float32))
labels = tf.constant(np.random.randint(0, 3, size=4))
per_replica_loss = strategy.run(step, args=(images, labels))
print(strategy.reduce("mean", per_replica_loss, axis=None))
